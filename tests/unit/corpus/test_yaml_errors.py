"""generator/corpus/yaml_errors.py: YAML syntax mistakes in Vietnamese, at the line of the
mistake, with the fix; through the loader as staff see them."""

from __future__ import annotations

import pytest
import yaml

from generator.corpus.load import LoadError, load_text
from generator.corpus.yaml_errors import colon_items, explain

# (name, text, line, col, words of the message, words of the hint)
MISTAKES = [
    (
        "unclosed-quote-found-three-lines-later",
        'id: da-nang/x\ntitle: "Về việc tăng cường\nsubtitle: xyz\nheading:\n- "CHỈ THỊ"\nbody: []\n',
        2,
        8,
        "thiếu dấu nháy đóng",
        'thêm dấu "',
    ),
    ("unclosed-quote-at-the-end", 'id: da-nang/x\ntitle: "Về việc\n', 2, 8, "thiếu dấu nháy đóng", "cuối giá trị"),
    ("unclosed-single-quote", "id: da-nang/x\ntitle: 'Về việc\nbody: []\n", 2, 8, "thiếu dấu nháy đóng", "dấu '"),
    (
        "colon-in-a-value",
        "id: da-nang/x\ntitle: Về việc: tăng cường công tác\nbody: []\n",
        2,
        15,
        "dấu hai chấm trong giá trị",
        'title: "Về việc: tăng cường công tác"',
    ),
    (
        "colon-at-the-end",
        "id: da-nang/x\ntitle: Kế hoạch như sau:\nbody: []\n",
        2,
        24,
        "dấu hai chấm",
        'title: "Kế hoạch như sau:"',
    ),
    ("tab-indentation", "id: da-nang/x\nnumber:\n\tvalue: 08-CT/TU\n", 3, 1, "Tab", "thay Tab bằng dấu cách"),
    (
        "indented-too-far",
        "number:\n  value: 08-CT/TU\n   source: printed\nbody: []\n",
        3,
        4,
        "thụt lề sai: dòng này lùi 3 dấu cách",
        "thẳng cột",
    ),
    (
        "indented-too-little",
        "number:\n  value: 08-CT/TU\n source: printed\nbody: []\n",
        3,
        2,
        "thụt lề sai: dòng này lùi 1 dấu cách",
        "thẳng cột",
    ),
    ("list-item-out-of-line", "body:\n- type: item\n  text: a\n - type: item\n", 4, 2, "thụt lề sai", "thẳng cột"),
]


@pytest.mark.parametrize("name, text, line, col, message, hint", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_mistakes_are_named_at_their_line(name, text, line, col, message, hint):
    with pytest.raises(LoadError) as info:
        load_text(text, "f.yaml")
    diagnostic = info.value.diagnostic
    assert (diagnostic.line, diagnostic.col) == (line, col)
    assert message in diagnostic.message and hint in diagnostic.hint
    assert "mapping values" not in diagnostic.message and "expected" not in diagnostic.message


def test_both_readers_give_the_same_answer():
    """The C reader and the pure-Python one word their errors differently."""
    for name, text, line, col, message, _ in MISTAKES:
        for loader in (yaml.SafeLoader, yaml.CSafeLoader):
            try:
                yaml.compose(text, Loader=loader)
            except yaml.MarkedYAMLError as exc:
                explained = explain(text, exc)
                assert explained.line == line and message in explained.message, (name, loader)


def test_a_list_item_ending_in_a_colon():
    text = "id: da-nang/x\npreamble:\n- Căn cứ các văn bản sau:\n- Luật Tổ chức chính quyền địa phương;\n"
    with pytest.raises(LoadError) as info:
        load_text(text, "f.yaml")
    diagnostic = info.value.diagnostic
    assert (diagnostic.line, diagnostic.col) == (3, 3)
    assert "kết thúc bằng dấu hai chấm" in diagnostic.message
    assert diagnostic.hint == 'đặt cả dòng trong dấu nháy: - "Căn cứ các văn bản sau:"'
    # a real mapping in a list (a block) is not one
    assert colon_items(yaml.compose("body:\n- type: item\n  text: a\n")) is None
    assert colon_items(yaml.compose('preamble:\n- "Căn cứ:"\n')) is None


def test_check_prints_the_mistake_in_vietnamese(data_copy):
    from tests.conftest import run_generator
    from tests.test_bad_input import VALID, write_doc

    write_doc(data_copy, VALID.replace("title: về thử nghiệm", 'title: "về thử nghiệm'))
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 1
    assert "thu-nghiem.yaml:6:8: lỗi: thiếu dấu nháy đóng" in result.stderr
