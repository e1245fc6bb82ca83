"""Page URLs: relative links between pages and the Markdown path of a page."""

from __future__ import annotations

from generator.publish import urls


def test_relative_urls():
    assert urls.relative("van-ban/da-nang/x/", "co-quan/da-nang/y/") == "../../../co-quan/da-nang/y/"
    assert urls.relative("van-ban/da-nang/x/", "van-ban/da-nang/x/") == "./"
    assert urls.relative("", "van-ban/") == "van-ban/"
    assert urls.markdown_path("van-ban/") == "van-ban/index.md"
    assert urls.markdown_path("van-ban/da-nang/x/") == "van-ban/da-nang/x.md"
