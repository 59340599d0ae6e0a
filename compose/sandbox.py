"""The sandbox that spec templates run in. Drafters exchange specs, so a template is data:
it may use the documented vocabulary (see ``compose.render``) and nothing else — no
globals beyond ``range``, no files, no modules, no Python attributes — and everything
that could make work (loop steps, calls, text, big numbers) is charged to a budget that
is reset for every template, so a hostile template is refused in milliseconds with the
reason rather than hanging the machine or exhausting its memory.

How: Jinja2's ``ImmutableSandboxedEnvironment`` with an allow-list of attributes per type,
an allow-list of filters, intercepted ``+ * ** %`` and a rewrite of each parsed template
that routes every loop, every ``~`` and every printed value through a checking filter.
Sizes are checked *before* a value is made, so ``'x' * 3000000000`` never allocates.
"""
from __future__ import annotations

import builtins
import re
import time
from decimal import Decimal

from jinja2 import StrictUndefined, Undefined, nodes, pass_context
from jinja2.defaults import DEFAULT_FILTERS
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from compose.errors import Unplaced

MAX_STEPS = 10_000  # loop iterations and calls in one template
MAX_VALUE = 100_000  # characters (or items) of any one value a template makes
MAX_TEXT = 1_000_000  # characters a template makes and prints in all
MAX_INT_BITS = 10_000  # about 3,000 digits
MAX_SECONDS = 5.0  # a backstop: each step and each piece of text checks the clock
MAX_EDITION_STEPS = 200_000  # all the templates of one edition (the 10-paragraph example
MAX_EDITION_TEXT = 20_000_000  # uses 15 steps and 3,651 characters in English)

LOOP_ATTRS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last",
                        "length", "previtem", "nextitem", "cycle", "changed"})
STR_ATTRS = frozenset({"upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip",
                       "startswith", "endswith"})
FILTERS = ("abs", "capitalize", "count", "d", "default", "first", "int", "last", "length",
           "lower", "round", "title", "trim", "upper")
_SIZED = (str, list, tuple)
_NOT_HERE = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


class Budget:
    """What one template has used so far, charged also to ``edition``: the running total
    of all the templates of one edition, so that a spec of many paragraphs cannot multiply
    the limits of one."""

    def __init__(self, edition: Budget | None = None):
        self.steps = self.text = 0
        self.edition = edition
        self.deadline = time.monotonic() + MAX_SECONDS

    def _clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise Unplaced(f"the template ran for more than {MAX_SECONDS:g} s")

    def step(self) -> None:
        """Count one loop step or call; an error past the template's or the edition's limit."""
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Unplaced(f"the template takes more than {MAX_STEPS:,} loop steps and calls")
        if self.edition is not None:
            self.edition.steps += 1
            if self.edition.steps > MAX_EDITION_STEPS:
                raise Unplaced(f"the spec's templates take more than {MAX_EDITION_STEPS:,} "
                               "loop steps and calls in all")
        self._clock()

    def value(self, size: float, what: str) -> None:
        """Charge a value of ``size`` characters or items before it is made."""
        if size > MAX_VALUE:
            raise Unplaced(f"{what} would make {size:,.0f} characters or items "
                           f"(a template value is limited to {MAX_VALUE:,})")
        self.text += size
        if self.text > MAX_TEXT:
            raise Unplaced(f"the template makes more than {MAX_TEXT:,} characters")
        if self.edition is not None:
            self.edition.text += size
            if self.edition.text > MAX_EDITION_TEXT:
                raise Unplaced(f"the spec's templates make more than {MAX_EDITION_TEXT:,} "
                               "characters in all")
        self._clock()


def _bits(left, right, op: str) -> int:
    if op == "*":
        return left.bit_length() + right.bit_length()
    return abs(left).bit_length() * right if abs(left) > 1 and right > 0 else 0


def short(value, width: int = 20) -> str:
    """``repr(value)`` cut to ``width`` characters, for messages."""
    text = repr(value)
    return text if len(text) <= width else text[:width - 3] + "..."


class _Guard(NodeTransformer):
    """Routes loops, ``~`` and printed values of a parsed template through the budget."""

    def __init__(self, reserved: re.Pattern):
        self.reserved = reserved

    def _filter(self, node: nodes.Expr, name: str) -> nodes.Filter:
        return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)

    def generic_visit(self, node, *args, **kwargs):
        if isinstance(node, _NOT_HERE):
            raise Unplaced(f"line {node.lineno}: templates cannot include, import or extend "
                           "other templates")
        return super().generic_visit(node, *args, **kwargs)

    def visit_Const(self, node: nodes.Const) -> nodes.Const:
        found = isinstance(node.value, str) and self.reserved.search(node.value)
        if found:
            raise Unplaced(f"line {node.lineno}: U+{ord(found.group()):04X} is reserved for "
                           "marking figures")
        return node

    def visit_For(self, node: nodes.For) -> nodes.For:
        if node.recursive:
            raise Unplaced(f"line {node.lineno}: recursive loops are not available in templates")
        self.generic_visit(node)
        node.iter = self._filter(node.iter, "_loop")
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Filter:
        self.generic_visit(node)
        return self._filter(nodes.Tuple(node.nodes, "load", lineno=node.lineno), "_concat")

    def visit_Output(self, node: nodes.Output) -> nodes.Output:
        self.generic_visit(node)
        node.nodes = [self._filter(n, "_out") for n in node.nodes]
        return node


class Sandbox(ImmutableSandboxedEnvironment):
    """A sandboxed environment whose templates see only ``attributes`` ({type: names}) on
    objects, plus the loop variable and a few harmless string methods; string literals
    may not hold the ``reserved`` characters (the renderer's own markers)."""

    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, attributes: dict[type, frozenset], reserved: re.Pattern, **options):
        super().__init__(undefined=StrictUndefined, autoescape=False, **options)
        self.reserved = reserved
        self.attributes = {LoopContext: LOOP_ATTRS, str: STR_ATTRS, **attributes}
        self.budget = Budget()
        self.globals.clear()
        self.globals["range"] = self.range
        self.filters = {name: DEFAULT_FILTERS[name] for name in FILTERS}
        self.filters.update(join=self.join, _loop=self._loop, _concat=self._concat,
                            _out=self._out)

    # -- what a template may touch ---------------------------------------------------
    def is_safe_attribute(self, obj, attr: str, value) -> bool:
        """Only the attributes allowed for the object's type."""
        allowed = next((names for kind, names in self.attributes.items()
                        if isinstance(obj, kind)), frozenset())
        return attr in allowed and super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value):
        """``str.format`` is not in the vocabulary (its field widths allocate freely)."""
        return None

    def _parse(self, source, name, filename):
        tree = _Guard(self.reserved).visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    # -- what it costs ---------------------------------------------------------------
    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        """Every call counts against the budget."""
        __self.budget.step()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator: str, left, right):
        """Refuse ``%`` formatting, and operations that would make too large a value."""
        if operator == "%" and isinstance(left, str):
            raise Unplaced("'%' formatting is not available in templates (join text with ~)")
        if operator == "*" and isinstance(left, _SIZED) != isinstance(right, _SIZED):
            seq, n = (left, right) if isinstance(left, _SIZED) else (right, left)
            if isinstance(n, (int, float)):
                self.budget.value(len(seq) * max(n, 0),
                                  f"{short(left)} * {short(right)}")
        elif operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
            self.budget.value(len(left) + len(right), "joining two values with +")
        elif operator in ("*", "**") and isinstance(left, int) and isinstance(right, int):
            if _bits(left, right, operator) > MAX_INT_BITS:
                raise Unplaced(f"{short(left)} {operator} {short(right)} is too large a "
                               f"number (limit {MAX_INT_BITS:,} bits)")
        return super().call_binop(context, operator, left, right)

    def range(self, *args) -> range:
        """``range`` for templates, refused beyond the step limit."""
        numbers = builtins.range(*args)
        try:
            size = len(numbers)
        except OverflowError:
            size = MAX_STEPS + 1
        if size > MAX_STEPS:
            raise Unplaced(f"range({', '.join(map(str, args))}) has more than {MAX_STEPS:,} "
                           "items")
        return numbers

    def text(self, value) -> str:
        """What printing or joining ``value`` gives: text and numbers only."""
        if isinstance(value, (str, Undefined)):
            return str(value)  # an undefined name fails here, saying which
        if isinstance(value, (int, float, Decimal)) or value is None:
            return str(value)
        hint = " (print a data entry with |fig)" if hasattr(value, "datum") else ""
        raise Unplaced(f"a template prints text and numbers, not {type(value).__name__} "
                       f"{short(value)}{hint}")

    def _loop(self, iterable):
        for item in iterable:
            self.budget.step()
            yield item

    @pass_context  # never folded at compile time: each call is charged when it runs
    def _concat(self, context, values: tuple) -> str:
        texts = [self.text(v) for v in values]
        self.budget.value(sum(map(len, texts)), "joining text with ~")
        return "".join(texts)

    @pass_context
    def _out(self, context, value) -> str:
        text = self.text(value)
        self.budget.value(len(text), "printing a value")
        return text

    def join(self, values, separator: str = "") -> str:
        """The ``|join`` filter, its result counted against the text budget."""
        texts = [self.text(v) for v in values]
        self.budget.value(sum(map(len, texts)) + len(separator) * max(len(texts) - 1, 0),
                          "|join")
        return separator.join(texts)
