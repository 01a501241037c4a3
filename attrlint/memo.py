"""``cached_property`` without a lock, for the objects built once per draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):
    """:func:`functools.cached_property` as Python 3.12 has it: computed once, no lock.

    Up to 3.11 the standard one takes a lock on the first read of each property of each
    object. A draft's document, analysis and attribution are each read by one thread, and
    linting a short draft reads some twenty properties for the first time: the locks cost
    about a tenth of the fixed work per file.
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None
                ) -> T | cached_property[T]:
        if instance is None:
            return self
        # The value goes into the instance's __dict__, which Python reads before this
        # (non-data) descriptor from then on.
        value: T = self.func(instance)
        instance.__dict__[self.name] = value
        return value
