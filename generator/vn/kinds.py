"""Document kinds: slug -> Vietnamese name (sentence case, as in running text)."""

KINDS: dict[str, str] = {
    "chi-thi": "Chỉ thị",
    "quyet-dinh": "Quyết định",
    "ke-hoach": "Kế hoạch",
    "de-an": "Đề án",
    "nghi-quyet": "Nghị quyết",
    "ket-luan": "Kết luận",
    "quy-dinh": "Quy định",
    "quy-che": "Quy chế",
    "chuong-trinh": "Chương trình",
    "huong-dan": "Hướng dẫn",
    "thong-bao": "Thông báo",
    "thong-tri": "Thông tri",
    "cong-van": "Công văn",
    "bao-cao": "Báo cáo",
    "to-trinh": "Tờ trình",
    "nghi-dinh": "Nghị định",
    "thong-tu": "Thông tư",
    "luat": "Luật",
    "nghi-quyet-lien-tich": "Nghị quyết liên tịch",
}
