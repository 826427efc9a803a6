# %% [markdown]
# # 数据审计：逐一核对公开文件中的每个勾稽关系
#
# ## 概览
# 预算公开文件中处处是勾稽关系：类等于所属各款之和，合计等于基本支出加项目支出，收入等于支出，预算情况说明重复各表的数字。`gz.audit` 逐一核对这些关系，并以数据表的形式返回结果。读者可以相信这份公开文件的哪些内容？
#
# ## 预备知识
# | 内容 | 重要程度 | 说明 |
# |---|---|---|
# | `00_start_here` | 必需 | 各张表 |
# | 四舍五入 | 必需 | 每个数字都四舍五入到0.01万元 |
#
# 学习时间：20分钟。

# %% [markdown]
# ## 导入

# %%
import gzanalysis as gz

gz.notebook.setup()
d = gz.load()
findings = gz.audit(d)

# %% [markdown]
# ## 如何理解核对状态
# 每个公开数字都四舍五入到0.01，可能偏差0.005。一项涉及 *n* 个公开数字的核对，允许 0.005 × *n* 的差额：在此范围内的差额属于**尾差**（rounding，无害）；超出范围则是**实质性差异**（material，公开文件自相矛盾）。**次要**（minor）问题涉及文字而非数字：例如年份未更新、备注照抄了别的表。**提示**（info）行不是检验，而是报告两个数字合在一起所揭示的情况。由同一事实解释的多条发现共享一个**原因**（cause），因此原因的个数说明了真正出错的地方有几处。

# %%
families = findings.pivot_table(
    index="family", columns="status", values="rule", aggfunc="count", fill_value=0
)
gz.tables.show(families, lang="zh", index=True)

# %% tags=["nbval-check-output", "remove-cell"]
print("核对项：", len(findings), "|", findings["status"].value_counts().to_dict())
for status in ["material", "info"]:
    block = findings.query("status == @status")
    print(f"{status}: {len(block)} 条发现，来自 {block['cause'].nunique()} 个原因")
print(families.to_string())

# %% [markdown]
# ## 实质性差异，按原因归并

# %% tags=["nbval-check-output"]
material = findings.query("status == 'material'")
for cause, block in material.groupby("cause", sort=False):
    print(f"[{cause}] {block['cause_text'].iloc[0]}")
    for r in block.itertuples():
        print(
            f"   {r.rule}\n      {r.lhs_label} = {r.lhs:,.2f} vs {r.rhs_label} = {r.rhs:,.2f} （第 {r.source_lines} 行）"
        )

# %% [markdown]
# 这些发现对读者意味着什么：
# - **一个说错的增减额，出现了两次。** 收入部分说其他收入增加100万元（第575行）；支出部分说同样这700万元自有资金（列为其他支出 / 其他相关支出）增加99.33万元（第585、587行）。这一个数字，既造成了各收入来源增减额与总额之间0.68万元的缺口，也造成了推算的2022年数600.00与600.67的不一致。其余各项同比数字在尾差范围内都相符。
# - **绩效目标表没有覆盖上年结转。** 绩效目标表覆盖了21,393.02万元项目支出中的12,186.46万元，以及9,207.96万元上年结转中的1.40万元（P4的1.40万元）：两处缺的是同一笔9,206.56万元。
# - **政府性基金预算科目，却没有政府性基金资金。** 21208“国有土地使用权出让收入安排的支出”属于政府性基金预算，列有389.43万元上年结转（第132–133、198–199行）；但财政拨款收支总表中没有政府性基金资金，政府性基金预算支出表注明“无政府性基金收支”（第322行），预算情况说明也称没有使用政府性基金预算拨款（第599行）。
# - **称为财政资金的结转，在财政拨款表中却无处可寻。** 预算情况说明把9,207.96万元上年结转称为“国库集中支付网上结转”（第575行），即以前年度财政拨款尚未支用的余额；而财政拨款收支总表的“上年结转”和“一般公共预算拨款结转”两栏都是空的（第229–230行）。
# - **重点项目部分给城市大脑（P1）写的是4,200万元**（第642行），而它自己的绩效目标表和项目清单（第627行）写的是1,340万元。4,200万元恰好是P5（云计算服务基本服务费，第627行）的金额，所以从P5抄错是一种可能的解释，而不是公开文件说明的事实。这一部分描述的内容也超出了2023年：其目标（第645–647行）提到的“数治赣州”运行管理中心，按规划属于第三阶段，即2024年（第639行）。
# - **行政编制52名，在职行政人员54名**：比编制多两人。

# %% [markdown]
# ## 绩效目标：有多少项目支出设定了目标？
# 覆盖面有两种算法：按八张绩效目标表的资金算，或者只按实际列有指标的表的资金算。P8（其他收入资金，即单位自有的700万元）有表却没有指标，因此第二种算法得出的比例更低：

# %% tags=["nbval-check-output"]
project_spending = d.table("部门支出总表").query("code.isna()")["project"].item()
targets = gz.targets_summary(d, lang="zh")
with_indicators = targets.query("indicators > 0")["funds_total"].sum()
print(f"项目支出：{project_spending:,.2f}")
print(
    f"绩效目标表：{targets['funds_total'].sum():,.2f}（{targets['funds_total'].sum() / project_spending:.1%}）"
)
print(f"列有指标的表：{with_indicators:,.2f}（{with_indicators / project_spending:.1%}）")
print("没有指标的表：", "、".join(targets.query("indicators == 0")["project_id"]))

# %% [markdown]
# ## 预算情况说明透露的2022年情况
# 支出预算部分说明的是**全部资金**口径的增减，财政拨款支出部分说明的只是**财政拨款**口径的增减。对基本支出，两者分别为增加809.39万元（第581行）和增加1,024.23万元（第595行）。这并不矛盾：推算出的2022年数一个是整体（1,053.02万元），一个是其中的财政拨款部分（838.18万元），说明2022年有部分基本支出由其他资金安排。审计按相同口径比较，并检验按支出类别计算的非财政拨款部分，是否等于按收入来源计算的非财政拨款收入：

# %% tags=["nbval-check-output", "remove-cell"]
prior = findings[findings["rule"].str.startswith("narrative.prior_year.non_fiscal")]
print(prior[["rule", "lhs", "rhs", "diff", "status"]].to_string(index=False))

# %%
gz.tables.show(prior[["rule", "lhs", "rhs", "diff", "status"]], lang="zh")

# %% [markdown]
# ## 尾差
# 这些差额与“各表分别四舍五入”的情况相符；没有哪个数字需要怀疑。

# %%
gz.tables.show(findings.query("status == 'rounding'")[["rule", "lhs", "rhs", "diff", "tolerance"]], "zh")

# %% [markdown]
# ## 其余关系全部成立
# 部门收入总表和部门支出总表在每个科目上都一致，各总表收支平衡，财政拨款在每张表中都加得起来，三公经费（因公出国（境）费、公务接待费、公务用车购置及运行维护费）合计3.00万元，与各分项及预算情况说明一致。

# %%
gz.tables.show(findings.query("family == 'cross_table'").head(10)[["rule", "lhs", "rhs", "status"]], "zh")

# %% [markdown]
# 在命令行中，`gzanalysis audit` 输出同样的报告（`--format markdown|csv|json`；`--strict` 在存在实质性差异时返回失败）。
#
# ## 小结
# - 见上面的计数：绝大多数核对完全成立；尾差无害；实质性差异的原因个数少于发现条数。
# - 各表的算术关系内部一致；相互矛盾的是：上年结转属于哪一本预算、预算情况说明中的一个数字（其他收入增加100与99.33）、P1的重点项目金额、绩效目标表的覆盖面，以及人员编制。
# - 两个2022年基本支出推算数都成立：一个是全部资金口径，一个是其中的财政拨款部分。
# - 有一条次要问题涉及文字而非数字：名词解释中“使用非财政拨款结余”的释义写的是2021年（第760行）。
#
# ## 资料来源
# - 每一项核对都列出了所依据的原文行号（`source_lines`）；原文为 `data/raw/ganzhou-xzspj-2023.txt`。上文引用的行：第132–133、198–199行（21208），第229–230行（财政拨款收支总表），第322行（政府性基金预算支出表备注），第575、581、585、587、595、599行（第三部分），第627、639、642、645–647行（项目）。
