"""Which published documents each source text became (the Quyết định file holds two)."""

SOURCES = {
    "da-nang-chi-thi-08-ct-tu-2021.txt": ["da-nang/chi-thi-08-ct-tu-2021"],
    "ha-tinh-ubnd-chi-thi-dan-van-chinh-quyen.txt": ["ha-tinh/chi-thi-ubnd-tinh-dan-van-chinh-quyen"],
    "ha-noi-chi-thi-07-ct-tu-2021.txt": ["ha-noi/chi-thi-07-ct-tu-2021"],
    "da-nang-quyet-dinh-2108-qd-tu-2016-de-an.txt": [
        "da-nang/quyet-dinh-2108-qd-tu-2016",
        "da-nang/de-an-kem-quyet-dinh-2108-qd-tu-2016",
    ],
    "da-nang-ban-tuyen-giao-ke-hoach-trien-khai-08-ct-tu.txt": [
        "da-nang/ke-hoach-ban-tuyen-giao-trien-khai-chi-thi-08-ct-tu"
    ],
}
