from enum import IntEnum


class AppType(IntEnum):
    """Open enum: a value the spec does not list yet still parses (see ``is_known``)."""

    GMAIL = 1
    DRIVE = 2
    CALENDAR = 4
    CONTACTS = 8
    SHARED_DRIVES = 64
    CLASSROOM = 128
    USERS = 256
    GROUPS = 512
    CHAT = 4096
    GMAIL_VAULT = 8192
    DRIVE_VAULT = 16384
    SHARED_DRIVES_VAULT = 32768

    @classmethod
    def _missing_(cls, value: object) -> "AppType | None":
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
