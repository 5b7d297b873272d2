"""Generated meeting notes, letters, invoices and reports, rich in the things recognizers get wrong in
written form: amounts, percentages, dates, times, ordinals, acronyms and plain numbers."""

from __future__ import annotations

import random
from typing import Callable, Dict, Iterator, List

FIRST_NAMES = (
    "Anna Ben Carla David Elena Frank Grace Henry Irene James Karen Luis Maria Nathan Olivia Peter "
    "Rachel Samuel Teresa Victor Wendy Yusuf Priya Chen Fatima Omar Sofia Daniel Laura Michael"
).split()
LAST_NAMES = (
    "Smith Johnson Garcia Miller Davis Martinez Lopez Wilson Anderson Thomas Moore Jackson Martin "
    "Lee Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams"
).split()
COMPANIES = (
    "Northwind Traders|Acme Logistics|Blue Harbor Consulting|Summit Health|Riverside Bank|"
    "Greenfield Energy|Apex Software|Harbor Freight Partners|Silver Lake Media|Pioneer Foods|"
    "Atlas Manufacturing|Bright Path Education|Cedar Insurance|Metro Transit Authority"
).split("|")
ACRONYMS = (
    "AWS CEO CFO CTO HR IT API KPI ROI SLA PDF VPN CRM ERP EU UK US FAQ QA UX SQL GDPR IPO HVAC"
).split()
TOPICS = (
    "the migration to the new billing system|the office move|the hiring plan|the cloud budget|"
    "the product launch|the security audit|the customer survey|the supplier contract|"
    "the training program|the quarterly forecast|the marketing campaign|the data center upgrade"
).split("|")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()
ITEMS = (
    "laptops|office chairs|software licenses|consulting hours|printer cartridges|server racks|"
    "training seats|support tickets|delivery vans|safety helmets"
).split("|")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class _Values:
    """Random slot values; one instance per document so that names recur within it."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(3)]
        self.company = rng.choice(COMPANIES)
        self.year = rng.randint(2019, 2027)

    def person(self) -> str:
        return self.rng.choice(self.people)

    def first_name(self) -> str:
        return self.person().split()[0]

    def money(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.35:
            return f"${rng.randint(1, 999) * rng.choice([1000, 100, 10]):,}"
        if kind < 0.55:
            return f"${rng.randint(1, 9999):,}.{rng.randint(0, 99):02d}"
        if kind < 0.75:
            return f"${rng.randint(1, 95)}{rng.choice(['', '.5', '.2', '.75'])} million"
        if kind < 0.85:
            return f"${rng.randint(2, 500)}"
        return f"{rng.choice(['$', '€', '£'])}{rng.randint(1, 99) * 1000:,}"

    def percent(self) -> str:
        if self.rng.random() < 0.7:
            return f"{self.rng.randint(1, 60)}%"
        return f"{self.rng.randint(0, 19)}.{self.rng.randint(1, 9)}%"

    def date(self) -> str:
        month, day = self.rng.choice(MONTHS), self.rng.randint(1, 28)
        form = self.rng.random()
        if form < 0.4:
            return f"{month} {day}, {self.year}"
        if form < 0.7:
            return f"{month} {_ordinal(day)}"
        return f"{month} {day}"

    def time(self) -> str:
        hour = self.rng.randint(1, 12)
        minute = self.rng.choice(["00", "15", "30", "45", "05", "10", "20", "40"])
        if self.rng.random() < 0.5:
            return f"{hour}:{minute} {self.rng.choice(['a.m.', 'p.m.'])}"
        return f"{hour}:{minute}" if minute != "00" else f"{hour} {self.rng.choice(['a.m.', 'p.m.'])}"

    def number(self) -> str:
        if self.rng.random() < 0.6:
            return str(self.rng.randint(2, 99))
        return f"{self.rng.randint(100, 25000):,}"

    def acronym(self) -> str:
        return self.rng.choice(ACRONYMS)

    def quarter(self) -> str:
        return f"Q{self.rng.randint(1, 4)}"


Template = Callable[[_Values], str]

MEETING: List[Template] = [
    lambda v: f"Good morning everyone, let's start with {v.rng.choice(TOPICS)}.",
    lambda v: f"{v.person()} said the {v.acronym()} costs went up {v.percent()} in {v.quarter()}.",
    lambda v: f"We agreed to move the deadline to {v.date()}.",
    lambda v: f"The next meeting is on {v.rng.choice(WEEKDAYS)} at {v.time()}.",
    lambda v: f"{v.first_name()} will send the {v.acronym()} report by {v.rng.choice(WEEKDAYS)}.",
    lambda v: f"The budget for {v.rng.choice(TOPICS)} is {v.money()}, which is {v.percent()} "
    f"over the plan.",
    lambda v: f"Can you check with the {v.acronym()} team whether the {v.number()} licenses are "
    f"still needed?",
    lambda v: f"I think we should wait until the {v.acronym()} review on {v.date()}.",
    lambda v: f"Action item: {v.first_name()} to follow up with {v.company} about the {v.money()} "
    f"invoice.",
    lambda v: f"Sales grew {v.percent()} year over year, and we closed {v.number()} new accounts.",
    lambda v: f"The call with {v.company} moved to {v.time()} on {v.date()}.",
    lambda v: f"Our {v.acronym()} spend was {v.money()} last month, down from {v.money()}.",
    lambda v: f"Let's take a five minute break and come back at {v.time()}.",
    lambda v: f"{v.person()} joined the {v.acronym()} team on {v.date()}.",
]
LETTER: List[Template] = [
    lambda v: f"Dear {v.person()}, thank you for your letter of {v.date()}.",
    lambda v: f"We are pleased to confirm your order of {v.number()} {v.rng.choice(ITEMS)}.",
    lambda v: f"The total amount of {v.money()} is due by {v.date()}.",
    lambda v: f"Please contact our {v.acronym()} department if you have any questions.",
    lambda v: f"Your account was credited with {v.money()} on {v.date()}.",
    lambda v: f"We look forward to working with {v.company} in {v.year}.",
    lambda v: f"As discussed, the contract will renew on {v.date()} at a rate {v.percent()} "
    f"higher than last year.",
    lambda v: f"Sincerely, {v.person()}, {v.acronym()} Manager, {v.company}.",
]
INVOICE: List[Template] = [
    lambda v: f"Invoice number {v.rng.randint(1000, 99999)} from {v.company}, dated {v.date()}.",
    lambda v: f"{v.number()} {v.rng.choice(ITEMS)} at {v.money()} each.",
    lambda v: f"Subtotal {v.money()}, tax {v.percent()}, total due {v.money()}.",
    lambda v: f"Payment is due within {v.rng.choice([15, 30, 45, 60, 90])} days of {v.date()}.",
    lambda v: f"A late fee of {v.percent()} applies after {v.date()}.",
    lambda v: f"Please quote reference {v.acronym()}-{v.rng.randint(100, 9999)} with your payment.",
]
REPORT: List[Template] = [
    lambda v: f"In {v.quarter()} {v.year}, revenue reached {v.money()}, up {v.percent()} from "
    f"the prior year.",
    lambda v: f"Operating costs fell by {v.percent()} to {v.money()}.",
    lambda v: f"The {v.acronym()} project finished on {v.date()}, {v.number()} days ahead of "
    f"schedule.",
    lambda v: f"Headcount grew from {v.number()} to {v.number()} employees.",
    lambda v: f"Customer satisfaction rose to {v.percent()}, the highest since {v.year - 3}.",
    lambda v: f"{v.company} expects {v.acronym()} spending of about {v.money()} in {v.year + 1}.",
    lambda v: f"The board approved a budget of {v.money()} for {v.rng.choice(TOPICS)}.",
    lambda v: f"Average response time dropped from {v.number()} to {v.number()} minutes.",
    lambda v: f"This is the {_ordinal(v.rng.randint(2, 30))} consecutive quarter of growth.",
]
KINDS: Dict[str, List[Template]] = {
    "meeting": MEETING,
    "letter": LETTER,
    "invoice": INVOICE,
    "report": REPORT,
}


def iter_documents(count: int, seed: int) -> Iterator[Dict[str, str]]:
    rng = random.Random(seed)
    kinds = sorted(KINDS)
    for number in range(count):
        kind = kinds[number % len(kinds)]
        values = _Values(rng)
        templates = KINDS[kind]
        sentences = [rng.choice(templates)(values) for _ in range(rng.randint(4, 9))]
        yield {
            "doc": f"business-{kind}-{number}",
            "source": "business",
            "text": "\n\n".join(sentences),
        }
