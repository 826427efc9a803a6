"""The analyses: a ``Disclosure`` in, a tidy ``pandas.DataFrame`` out.

- ``composition``: spending by function (类/款/项) or economic class, with shares;
- ``changes``: the narrative's year-over-year statements, the implied prior year and the reasons;
- ``carryover``: how 上年结转 is spread over the functions, and what it pays for;
- ``targets``: the projects' performance indicators, parsed;
- ``glossary``: the disclosure's 名词解释, each term with its English name;
- ``labels``: the Chinese and English names every analysis and chart uses (``lang="zh"`` / ``"en"``);
- ``subjects``: what a disclosure lacks (a narrative, performance tables), said in one sentence;
- ``teaching``: the checks of the teaching notebooks, each answer compared with the one computed here.

Stands on ``package`` (the data) and ``audit`` (the narrative's identities); draws nothing.
"""
