"""Made-up report text for the similarity tests and benchmarks: sentences no
real report has, so that only the copies planted in a batch are alike."""

from __future__ import annotations

import random

#: Words to build sentences from; none of the seeds' sentences can come out.
WORDS = (
    "社区网格 夜间巡查 村规民约 调解室 法律明白人 执法记录仪 审批窗口 公示栏 "
    "听证会 合同审查 备案清单 复议案件 便民手册 普法讲座 宣传展板 电子卷宗 "
    "案卷评查 信用承诺 投诉热线 专项整治 安全检查 台账资料 风险评估 责任清单 "
    "培训课程 考核细则 联席会议 督办事项 回访记录 整改通知"
).split()
VERBS = "梳理 修订 印发 组织 完成 召开 建立 更新 核查 汇编 开展 举办".split()


def sentence(rng: random.Random) -> str:
    a, b, c = rng.sample(WORDS, 3)
    first, then = rng.choice(VERBS), rng.choice(VERBS)
    return f"{first}{a}与{b}工作，{then}{c}{rng.randint(2, 99)}项。"


def paragraphs(seed: int, count: int, per: int = 3) -> list[str]:
    rng = random.Random(seed)
    return ["".join(sentence(rng) for _ in range(per)) for _ in range(count)]


def report(unit: str, year: int, seed: int, sections: int = 3) -> str:
    """A whole made-up report of ``unit``: measures, shortcomings and plan."""
    lines = [f"{unit}{year}年度法治政府建设情况报告", "一、主要举措和成效"]
    for n, text in enumerate(paragraphs(seed, sections * 2)):
        if n % 2 == 0:
            lines.append(f"（{'一二三四五六'[n // 2]}）{text[:12].rstrip('，。')}")
        lines.append(text)
    lines += ["二、存在的不足和原因", *paragraphs(seed + 1, 2)]
    lines += ["三、下一年度工作安排", *paragraphs(seed + 2, 2), f"{unit}人民政府"]
    return "\n".join(lines) + "\n"
