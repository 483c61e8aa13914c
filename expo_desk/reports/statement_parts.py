"""The parts a payment statement ends with, in the contract documents and in the exhibitor
pack alike: its key figures in boxes and a boxed conclusion on what is still to pay."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, TableStyle

from expo_desk.reports.base import RULE
from expo_desk.reports.contract_tables import Words, boxes, plain_table

Figure = tuple[tuple[str, str], int, colors.Color]  # (name in both languages, fen, colour of the amount)


def figure_boxes(w: Words, figures: list[Figure], width: float) -> Flowable:
    """The figures side by side, each amount under its name in its colour."""
    content = []
    for (zh, en), fen, color in figures:
        amount = Paragraph(f"<font color='{color.hexval()}'>{w.money(fen)}</font>", w.styles["total"])
        content.append([w.stacked(zh, en, "key", 6.5), amount])
    return boxes(content, width, gap=3 * mm)


def balance_words(w: Words, balance_fen: int, overdue_fen: int, numbers: str, numbers_en: str) -> tuple[str, str]:
    """What is left to do about the money: pay the balance quoting the contract ``numbers``
    (how much of it is overdue), wait for a refund of what was overpaid, or nothing."""
    if balance_fen > 0:
        zh = f"请按上列到期日支付余额 {w.money(balance_fen)}，付款时请注明合同编号 {numbers}。"
        en = f"Please pay the balance of {w.money(balance_fen)} by the due dates above, quoting {numbers_en}."
        if overdue_fen:
            zh += f"其中 {w.money(overdue_fen)} 已逾期，请尽快支付。"
            en += f" {w.money(overdue_fen)} of it is overdue: please pay it now."
        return zh, en
    if balance_fen < 0:
        return (f"已多付 {w.money(-balance_fen)}，主办方将予退还。",
                f"{w.money(-balance_fen)} was paid beyond the contract total; the organizer will refund it.")
    return "款项已全部付清，谢谢！", "Paid in full. Thank you!"


def conclusion_box(text: Paragraph, width: float, bar: colors.Color) -> Flowable:
    """The conclusion in a ruled box with a thick ``bar`` on its left."""
    box = plain_table([[text]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE), ("LINEBEFORE", (0, 0), (0, -1), 2.5, bar),
                             ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    return KeepTogether([box])
