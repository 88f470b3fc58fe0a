from enum import IntEnum


class JobStatus(IntEnum):
    """Open enum: a value the spec does not list yet still parses (see ``is_known``)."""

    IN_PROGRESS = 0
    FINISHED = 2
    FAILED = 3
    FINISHED_WITH_EXCEPTION = 7

    @classmethod
    def _missing_(cls, value: object) -> "JobStatus | None":
        # The vendor may add values before the spec knows them: keep the value instead of failing.
        if isinstance(value, int) and not isinstance(value, bool):
            member = int.__new__(cls, value)
            member._name_ = f"UNKNOWN_{value}".replace("-", "NEGATIVE_")
            member._value_ = value
            return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]
        return None

    @property
    def is_known(self) -> bool:
        """False for a value the server sent that this client version does not know."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)
