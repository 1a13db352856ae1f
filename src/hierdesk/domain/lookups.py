"""Customer properties and the coded values seeded into the lookup tables.

Coded values carry a Japanese and an English name; the data layer stores them in
``lookup_value`` and administrators extend them (settings issue).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from hierdesk.i18n.core import N_

#: Properties compared across a hierarchy (DOMAIN.md), in display order.
PROPERTIES: Final = (
    "customer_group",
    "price_group",
    "line_discount_group",
    "multiline_discount_group",
    "total_discount_group",
    "payment_terms",
    "delivery_mode",
    "credit_limit",
    "currency",
    "sales_tax_group",
    "invoice_account",
)

#: Properties whose values are codes from a lookup of the same name.
CODED_PROPERTIES: Final = tuple(
    p for p in PROPERTIES if p not in ("credit_limit", "invoice_account")
)

#: Display labels (translated when shown).
PROPERTY_LABELS: Final = {
    "customer_group": N_("Customer group"),
    "price_group": N_("Price group"),
    "line_discount_group": N_("Line discount group"),
    "multiline_discount_group": N_("Multiline discount group"),
    "total_discount_group": N_("Total discount group"),
    "payment_terms": N_("Terms of payment"),
    "delivery_mode": N_("Mode of delivery"),
    "credit_limit": N_("Credit limit"),
    "currency": N_("Currency"),
    "sales_tax_group": N_("Sales tax group"),
    "invoice_account": N_("Invoice account"),
}


@dataclass(frozen=True, slots=True)
class LookupSeed:
    kind: str
    code: str
    name_ja: str
    name_en: str
    is_default: bool = False


LOOKUP_SEEDS: Final = (
    LookupSeed("customer_group", "WHOLESALE", "卸売業者", "Wholesalers"),
    LookupSeed("customer_group", "CORP", "法人顧客", "Corporate buyers", True),
    LookupSeed("customer_group", "RESELLER", "販売代理店", "Resellers"),
    LookupSeed("price_group", "STD", "標準価格", "Standard price", True),
    LookupSeed("price_group", "WHS-A", "卸価格 A", "Wholesale price A"),
    LookupSeed("price_group", "WHS-B", "卸価格 B", "Wholesale price B"),
    LookupSeed("price_group", "VIP", "特約価格", "Preferred-partner price"),
    LookupSeed("line_discount_group", "LD-NONE", "明細割引なし", "No line discount", True),
    LookupSeed("line_discount_group", "LD-5", "明細割引 5%", "Line discount 5%"),
    LookupSeed("line_discount_group", "LD-10", "明細割引 10%", "Line discount 10%"),
    LookupSeed(
        "multiline_discount_group", "ML-NONE", "複数明細割引なし", "No multiline discount", True
    ),
    LookupSeed("multiline_discount_group", "ML-VOL", "数量割引", "Volume discount"),
    LookupSeed("total_discount_group", "TD-NONE", "合計割引なし", "No total discount", True),
    LookupSeed("total_discount_group", "TD-3", "合計割引 3%", "Total discount 3%"),
    LookupSeed(
        "payment_terms", "EOM30", "月末締め翌月末払い", "End of month, due end of next month", True
    ),
    LookupSeed(
        "payment_terms",
        "EOM60",
        "月末締め翌々月末払い",
        "End of month, due end of the month after next",
    ),
    LookupSeed("payment_terms", "NET30", "請求書発行後 30 日", "Net 30 days"),
    LookupSeed("payment_terms", "PREPAY", "前払い", "Prepayment"),
    LookupSeed("delivery_mode", "STD", "通常配送", "Standard delivery", True),
    LookupSeed("delivery_mode", "EXPRESS", "お急ぎ便", "Express delivery"),
    LookupSeed("delivery_mode", "CHARTER", "チャーター便", "Chartered truck"),
    LookupSeed("delivery_mode", "PICKUP", "倉庫引取り", "Pickup at warehouse"),
    LookupSeed("currency", "JPY", "日本円", "Japanese yen", True),
    LookupSeed("currency", "USD", "米ドル", "US dollar"),
    LookupSeed("sales_tax_group", "TAX10", "標準税率 10%", "Standard rate 10%", True),
    LookupSeed("sales_tax_group", "TAX8", "軽減税率 8%", "Reduced rate 8%"),
    LookupSeed("sales_tax_group", "EXEMPT", "非課税", "Tax exempt"),
)

#: Credit limit for new partners when settings name none (JPY, whole yen).
DEFAULT_CREDIT_LIMIT: Final = 1_000_000


def default_properties() -> dict[str, str | int | None]:
    """The seeded defaults for a new organization's properties."""
    values: dict[str, str | int | None] = dict.fromkeys(PROPERTIES)
    for seed in LOOKUP_SEEDS:
        if seed.is_default:
            values[seed.kind] = seed.code
    values["credit_limit"] = DEFAULT_CREDIT_LIMIT
    return values
