"""Script: Traditional-to-Simplified conversion and script detection."""

from __future__ import annotations

import pytest

from compare.script import SIMPLIFIED, TRADITIONAL, detect_script, to_simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("後來", "后来"),
        ("他有著豐富的經驗", "他有着丰富的经验"),
        ("著名作家", "著名作家"),  # 著 in 著名 is not the durative particle: it stays
        ("這裡的居民", "这里的居民"),
        ("佔據市場", "占据市场"),
        ("雲計算", "云计算"),
        ("臺北捷運環狀線今天通車", "台北捷运环状线今天通车"),
        ("去IOE之後，阿里雲發佈了通義千問。", "去IOE之后，阿里云发布了通义千问。"),
        ("北京地铁十九号线开通", "北京地铁十九号线开通"),  # Simplified passes through unchanged
        ("", ""),
    ],
)
def test_to_simplified(text: str, expected: str) -> None:
    assert to_simplified(text) == expected


def test_durative_zhe_and_famous_zhu_in_one_sentence() -> None:
    """Regression: plain t2s leaves 有著 unconverted; tw2s converts it but keeps 著名."""
    assert to_simplified("這位著名學者有著多年經驗") == "这位著名学者有着多年经验"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北京市今天宣布，新建成的地铁十九号线将于下个月正式开通运营。", SIMPLIFIED),
        ("阿里云发布了通义千问大模型，价格下降了百分之九十七。", SIMPLIFIED),
        ("臺北市政府今天宣佈，新建成的捷運環狀線將於下個月正式通車營運。", TRADITIONAL),
        ("阿里雲發佈了通義千問大模型，價格下降了百分之九十七。", TRADITIONAL),
        ("他說這個問題很複雜。", TRADITIONAL),
        ("Alibaba Cloud 2024", SIMPLIFIED),  # nothing to convert either way
        ("", SIMPLIFIED),
    ],
)
def test_detect_script(text: str, expected: str) -> None:
    assert detect_script(text) == expected
