"""Labels in Chinese (the default) or English, for everything an analysis returns or a chart draws."""

from __future__ import annotations

import pandas as pd

LANGS = ("zh", "en")

# Column names and categories: key → (zh, en).
LABELS: dict[str, tuple[str, str]] = {
    # columns
    "code": ("科目编码", "Code"),
    "name": ("科目名称", "Name"),
    "level": ("级次", "Level"),
    "parent": ("上级编码", "Parent code"),
    "amount": ("金额(万元)", "Amount (10k yuan)"),
    "share_of_parent": ("占上级比重", "Share of parent"),
    "share_of_total": ("占总额比重", "Share of total"),
    "share_of_own_total": ("占本科目合计比重", "Share of the function's own total"),
    "source": ("资金来源", "Source of funds"),
    "kind": ("支出类别", "Kind of spending"),
    "carryover": ("上年结转", "Carried over"),
    "total": ("合计", "Total"),
    "share_of_carryover": ("占上年结转比重", "Share of all carry-over"),
    "share_carried_over": ("本科目结转占比", "Share of the function carried over"),
    "carryover_only": ("仅靠结转", "Carry-over only"),
    "change": ("较上年增减", "Change on the previous year"),
    "prior_year": ("推算2022年数", "Implied 2022 amount"),
    "growth_rate": ("增长率", "Growth rate"),
    "reason": ("原因", "Reason"),
    "item": ("项目", "Item"),
    "grouping": ("分组", "Grouping"),
    "section": ("章节", "Section"),
    "parts_check": ("分项核对", "Parts check"),
    "project_name": ("项目名称", "Project"),
    # gz.targets' table_of: whose targets a performance table sets
    "table_of": ("绩效目标表", "Targets of"),
    "project_table": ("项目", "A project"),
    "department_table": ("部门整体", "The department as a whole"),
    "indicator": ("指标", "Indicator"),
    "indicator_kind": ("指标类型", "Kind of indicator"),
    "count": ("个数", "Count"),
    "note": ("说明", "Note"),
    "side": ("收支", "Side"),
    "erratum_kind": ("勘误类型", "Kind of erratum"),
    "difference": ("差额", "Difference"),
    "sum_of_classes": ("各类之和", "Sum of the classes"),
    "scope": ("资金范围", "Funds"),
    "amount_from": ("金额出处", "Amount from"),
    "wording": ("原文表述", "Wording"),
    "source_line": ("原文行号", "Source line"),
    "project_id": ("项目编号", "Project id"),
    "level1": ("一级指标", "Level-one indicator"),
    "level2": ("二级指标", "Level-two indicator"),
    "value_text": ("指标值(原文)", "Target as printed"),
    "operator": ("符号", "Operator"),
    "number": ("数值", "Number"),
    "unit": ("单位", "Unit"),
    # columns of gz.teaching.subtotal_gaps (a class's subtotal against its 款 rows)
    "subtotal": ("印刷的小计", "Subtotal as printed"),
    "items_sum": ("各款之和", "Sum of its 款 rows"),
    "subtotal_gap": ("小计−各款之和", "Subtotal − items"),
    "level3": ("三级指标", "Indicator (level 3)"),
    "output_as_benefit": ("把产出列为效益", "Output listed as a benefit"),
    # columns of gz.compare (a corpus)
    "disclosure": ("文件", "Disclosure"),
    "city": ("城市", "City"),
    "year": ("年度", "Year"),
    "share": ("占比", "Share"),
    "expenditure": ("支出合计", "Total spending"),
    "basic_share": ("基本支出占比", "Basic share of spending"),
    "project_share": ("项目支出占比", "Project share of spending"),
    "carryover_share": ("上年结转占收入比重", "Carry-over share of income"),
    "three_public_to_basic": ("三公经费/基本支出", "Three public expenses / basic spending"),
    "departments": ("部门数", "Departments"),
    "budget": ("预算类型", "Budget"),
    "own_office": ("名称注明本级", "Own office only (本级)"),
    "consolidated": ("名称注明汇总", "Consolidated (汇总)"),
    "carryover_from": ("上年结转出处", "Carry-over from"),
    "in_table": ("表中列示", "printed in the table"),
    "in_words": ("文字说明", "stated in words"),
    "unknown": ("未知", "unknown"),
    "not_stated": ("未说明", "not stated"),
    "compared_with": ("比较对象", "Compared with"),
    "stated_percent": ("所述增长率(%)", "Stated growth rate (%)"),
    "stated_change": ("所述较上年增减", "Stated change on last year"),
    "page": ("页码", "Page"),
    "narrative_ok": ("说明与表一致", "Narrative agrees"),
    "narrative_rounding": ("尾数差异", "Rounding"),
    "narrative_material": ("实质差异", "Disagrees"),
    "narrative_not_checked": ("未能核对", "Not checked"),
    # columns of gz.audit, gz.targets_summary and the notebooks' small tables
    "rule": ("核对规则", "Rule"),
    "family": ("核对类别", "Family"),
    "lhs": ("左方数值", "Left-hand side"),
    "rhs": ("右方数值", "Right-hand side"),
    "lhs_label": ("左方", "Left-hand item"),
    "rhs_label": ("右方", "Right-hand item"),
    "diff": ("差额", "Difference"),
    "tolerance": ("容差", "Tolerance"),
    "status": ("核对结果", "Status"),
    "cause": ("原因编号", "Cause"),
    "cause_text": ("原因说明", "Cause, explained"),
    "cause_text_zh": ("原因说明", "Cause, explained"),
    "source_lines": ("原文行号", "Source lines"),
    "parts": ("分项之和", "Sum of the parts"),
    "stated_total": ("说明中的总增减额", "Stated total"),
    "funds_total": ("年度资金总额", "Funds"),
    "funds_fiscal": ("其中: 财政拨款", "Of which fiscal appropriations"),
    "funds_carryover": ("其中: 上年结转", "Of which carried over"),
    "indicators": ("指标个数", "Indicators"),
    "share_quantitative": ("定量指标占比", "Share quantitative"),
    "at_100_percent": ("目标值=100%的指标", "Targets of =100%"),
    "wan_yuan_per_indicator": ("每个指标对应资金(万元)", "万元 per indicator"),
    "label": ("分项", "Part"),
    "printed": ("原文印作", "As printed"),
    "corrected": ("更正为", "Corrected"),
    "proof": ("依据", "Proof"),
    "table": ("表", "Table"),
    "measure": ("口径", "Measure"),
    "fund": ("资金", "Funds"),
    "row": ("行", "Row"),
    "measure_zh": ("口径(原文)", "Measure as printed"),
    "resource": ("数据表", "Resource"),
    # categories
    "fiscal": ("财政拨款", "Fiscal appropriations"),
    "fiscal_subtotal": ("财政拨款", "Fiscal appropriations"),
    "education_fees": ("教育收费资金收入", "Education fees"),
    "public_institution_income": ("事业收入", "Public institution income"),
    "public_institution_operations": ("事业单位经营收入", "Business income of public institutions"),
    "subordinate_remittance": ("附属单位上缴收入", "Remittances from subordinate units"),
    "higher_level_grants": ("上级补助收入", "Subsidies from higher-level units"),
    "non_fiscal_balance": ("使用非财政拨款结余", "Use of non-fiscal balances"),
    "project": ("项目支出", "Project spending"),
    "other_income": ("其他收入", "Other income"),
    "general_budget": ("一般公共预算", "General public budget"),
    "government_fund": ("政府性基金预算", "Government funds"),
    "state_capital": ("国有资本经营预算", "State capital operations"),
    "basic": ("基本支出", "Basic spending"),
    "personnel": ("人员经费", "Personnel"),
    "public_operations": ("公用经费", "Public operations"),
    "spending_total": ("支出合计", "Total spending"),
    "income": ("收入", "Income"),
    "spending": ("支出", "Spending"),
    "all": ("全部", "All"),
    "project_spending": ("项目支出", "Project spending"),
    "income_source": ("收入来源", "Income source"),
    "function": ("功能分类", "Function"),
    "economic": ("经济分类", "Economic class"),
    "three_public": ("三公经费", "Three public expenses"),
    "quantitative": ("定量", "Quantitative"),
    "qualitative": ("定性", "Qualitative"),
    "missing": ("缺失", "Missing"),
    # kinds of erratum (errata.csv): what the OCR got wrong
    "stray-mark": ("多余符号", "stray mark"),
    "merged-cell": ("单元格合并", "merged cell"),
    "shifted-cell": ("单元格错位", "shifted cell"),
    "truncated-number": ("数字截断", "truncated number"),
    "truncated-name": ("名称截断", "truncated name"),
    "misspelled-name": ("名称错字", "misspelled name"),
    "split-cell": ("单元格拆分", "split cell"),
    "misread-operator": ("符号误识", "misread operator"),
    "misplaced-code": ("编码错位", "misplaced code"),
    "misread-unit": ("单位误识", "misread unit"),
    "missing-cell": ("单元格缺失", "missing cell"),
    "merged-rows": ("多行合并", "merged rows"),
    "skipped-line": ("漏行", "skipped line"),
    "missing-label": ("标签缺失", "missing label"),
    "misread-number": ("数字误识", "misread number"),
    "unreadable-code": ("编码无法识别", "unreadable code"),
    "duplicated-code": ("编码重复", "duplicated code"),
    "misread-text": ("文字误识", "misread text"),
    # the status of an audit check (gz.audit), as a reader reads it
    "ok": ("相符", "ok"),
    "rounding": ("尾差", "rounding"),
    "material": ("实质性差异", "material"),
    "minor": ("次要", "minor"),
    "info": ("提示", "info"),
    "not_checked": ("未核对", "not checked"),
    "类": ("类", "Class"),
    "款": ("款", "Category"),
    "项": ("项", "Item"),
    "2022": ("2022年", "2022"),
    "2023": ("2023年", "2023"),
}

# Chinese terms the narrative and tables use → English, for categorical values.
TERMS: dict[str, str] = {
    "收入预算": "Income budget",
    "支出预算": "Spending budget",
    "财政拨款支出": "Fiscal appropriations spent",
    "机关运行经费": "Office running costs",
    "单位人员增加": "More staff",
    "三公经费": "Three public expenses",
    "全部资金": "All funds",
    "财政拨款": "Fiscal appropriations",
    "一般公共预算财政拨款": "General budget appropriations",
    "收入预算总额": "Total income",
    "支出预算总额": "Total spending",
    "财政拨款支出预算总额": "Fiscal appropriations, total",
    "财政拨款收入": "Fiscal appropriations",
    "教育收费资金收入": "Education fees",
    "事业收入": "Public institution income",
    "事业单位经营收入": "Business income of public institutions",
    "其他收入": "Other income",
    "国库集中支付网上结转": "Carry-over of unspent treasury-paid appropriations",
    "上年结转": "Carried over",
    "基本支出": "Basic spending",
    "项目支出": "Project spending",
    "金融支出": "Financial affairs",
    "其他相关支出": "Other related spending",
    "因公出国费": "Overseas travel",
    "公务接待费": "Official hospitality",
    "公务用车运行维护费": "Vehicle operation",
    "公务用车购置费": "Vehicle purchase",
    "部门预算": "Department budget",
    "单位预算": "Unit budget",
    "上年预算": "Last year's budget",
    "上年执行": "Last year's outturn",
    "上年": "Last year (not said which)",
    "增加": "increase",
    "减少": "decrease",
    "净增": "net increase",
    "净减": "net decrease",
    "成本指标": "Cost",
    "产出指标": "Output",
    "效益指标": "Benefit (outcome)",
    "满意度指标": "Satisfaction",
    "经济成本指标": "Economic cost",
    "数量指标": "Quantity",
    "质量指标": "Quality",
    "时效指标": "Timeliness",
    "经济效益指标": "Economic benefit",
    "社会效益指标": "Social benefit",
    "服务对象满意度": "User satisfaction",
}

# The glossary (名词解释) of a disclosure: its terms and its parts in English, as used in public finance
# (the MoF's English names of the 收支分类科目; 财政拨款 = fiscal appropriations, 上年结转 = carry-over).
GLOSSARY_TERMS: dict[str, str] = {
    # 收入科目: income items
    "财政拨款": "Fiscal appropriations",
    "教育收费资金收入": "Income from education fees",
    "事业收入": "Public institution income",
    "事业单位经营收入": "Business income of public institutions",
    "附属单位上缴收入": "Remittances from subordinate units",
    "上级补助收入": "Subsidies from higher-level units",
    "其他收入": "Other income",
    "使用非财政拨款结余": "Use of non-fiscal balances",
    "上年结转和结余": "Carry-over and balances from previous years",
    "上年结转": "Carry-over from previous years",
    # 支出科目: the functional classes (类) of expenditure
    "一般公共服务支出": "General public services expenditure",
    "外交支出": "Foreign affairs expenditure",
    "国防支出": "National defence expenditure",
    "公共安全支出": "Public security expenditure",
    "教育支出": "Education expenditure",
    "科学技术支出": "Science and technology expenditure",
    "文化旅游体育与传媒支出": "Culture, tourism, sports and media expenditure",
    "社会保障和就业支出": "Social security and employment expenditure",
    "卫生健康支出": "Health expenditure",
    "节能环保支出": "Energy conservation and environmental protection expenditure",
    "城乡社区支出": "Urban and rural community affairs expenditure",
    "农林水支出": "Agriculture, forestry and water affairs expenditure",
    "交通运输支出": "Transportation expenditure",
    "资源勘探工业信息等支出": "Resource exploration, industry and information expenditure",
    "商业服务业等支出": "Commerce and services expenditure",
    "金融支出": "Financial affairs expenditure",
    "住房保障支出": "Housing security expenditure",
    "其他支出": "Other expenditure",
    # 相关专业名词: related terms
    "机关运行费": "Office running costs",
    "机关运行经费": "Office running costs",
    '"三公"经费': 'The "three public expenses" (overseas travel, official vehicles, official hospitality)',
    "三公经费": 'The "three public expenses" (overseas travel, official vehicles, official hospitality)',
    "基本支出": "Basic expenditure",
    "项目支出": "Project expenditure",
}
GLOSSARY_PARTS: dict[str, str] = {
    "收入科目": "Income items",
    "支出科目": "Expenditure items (functional classes)",
    "相关专业名词": "Related terms",
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    return lang


def label(key: str, lang: str = "zh") -> str:
    """The label of a column or category: ``label("amount", "en") == "Amount (10k yuan)"``."""
    zh, en = LABELS.get(key, (key, key))
    return zh if check_lang(lang) == "zh" else en


def term(text, lang: str = "zh"):
    """A Chinese term of the disclosure in the chosen language (unknown terms stay as published)."""
    if check_lang(lang) == "zh" or text is None or pd.isna(text):
        return text
    return TERMS.get(text, text)


# Columns whose values are keys of LABELS (a status, a kind of indicator): shown as their label in a language.
VALUE_COLUMNS = (
    "status",
    "kind",
    "indicator_kind",
    "parts_check",
    "grouping",
    "erratum_kind",
    "side",
    "table_of",
)


def value_label(value, lang: str = "zh"):
    """A categorical value (``material``, ``quantitative``) as its label in ``lang``; any other value as is."""
    if isinstance(value, str) and value in LABELS:
        return label(value, lang)
    return value


def in_lang(df: pd.DataFrame, column: str, lang: str = "zh") -> pd.Series:
    """A column given in both languages (``cause_text`` and ``cause_text_zh``): the one in ``lang``."""
    return df[f"{column}_zh"] if check_lang(lang) == "zh" and f"{column}_zh" in df else df[column]


def code_names(d, classification: str, lang: str = "zh") -> pd.Series:
    """Names of the codes of a classification ("functional" or "economic"), by code. A code learnt from
    the document has no English name: its Chinese name, as printed, stands in."""
    table = d.table("functional_codes" if classification == "functional" else "economic_codes").set_index(
        "code"
    )
    if check_lang(lang) == "zh":
        return table["name_zh"]
    return table["name_en"].where(table["name_en"].notna() & (table["name_en"] != ""), table["name_zh"])
