"""Ready-to-paste registry entries in the hints of `check`, when a jurisdiction or an
organization is missing: one line each (a diagnostic holds no line break), in YAML flow form
with every value quoted by the YAML writer, so that a comma or a colon stays in its value."""

from __future__ import annotations

import yaml

from generator.vn import provinces

__all__ = ["jurisdiction_hint", "organization_hint"]

GUIDE = "Hướng dẫn đóng góp, mục “Thêm một địa bàn hoặc một cơ quan mới”"


def _flow(entry: dict) -> str:
    return yaml.safe_dump(entry, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10**6).strip()


def jurisdiction_hint(jurisdiction: str) -> str:
    """ "thêm vào cuối data/jurisdictions.yaml: - {id: quang-tri, name: Tỉnh Quảng Trị, …}"."""
    province = provinces.by_slug(jurisdiction)
    if province is not None:
        entry = {"id": jurisdiction, "name": province.full_name, "short_name": province.name}
    else:
        entry = {"id": jurisdiction, "name": "Tỉnh …", "short_name": "…"}
    return f"thêm vào cuối data/jurisdictions.yaml: - {_flow(entry)} (xem {GUIDE})"


def organization_hint(organization: str) -> str:
    if "/" not in organization:
        return f"ghi mã cơ quan ban hành dạng <địa bàn>/<tên ngắn>, ví dụ quang-tri/ubnd-tinh (xem {GUIDE})"
    jurisdiction = organization.split("/", 1)[0]
    entry = {"id": organization, "name": "…"}
    return (
        f"thêm vào data/organizations/{jurisdiction}.yaml: - {_flow(entry)} với tên đầy đủ, hoặc sửa mã; lệnh "
        f"“python -m generator import” in sẵn mục cho cơ quan đọc được từ văn bản (xem {GUIDE})"
    )
