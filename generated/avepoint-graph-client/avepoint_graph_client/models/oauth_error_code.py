from enum import StrEnum


class OAuthErrorCode(StrEnum):
    """Open enum: a value the spec does not list yet still parses (see ``is_known``)."""

    INVALID_CLIENT = "invalid_client"
    INVALID_GRANT = "invalid_grant"
    INVALID_REQUEST = "invalid_request"
    INVALID_SCOPE = "invalid_scope"
    UNAUTHORIZED_CLIENT = "unauthorized_client"
    UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type"

    @classmethod
    def _missing_(cls, value: object) -> "OAuthErrorCode | None":
        if isinstance(value, str):
            # The servers compare these values case-insensitively (DECISIONS OLC-12): a known value in
            # another spelling is that member, so `level_mode="documentonly"` means DOCUMENT_ONLY.
            folded = value.casefold()
            for known in cls.__members__.values():
                if known.value.casefold() == folded:
                    return known
            # The vendor may add values before the spec knows them: keep the value instead of failing.
            member = str.__new__(cls, value)
            member._name_ = f"UNKNOWN_{value}"
            member._value_ = value
            return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]
        return None

    @property
    def is_known(self) -> bool:
        """False for a value the server sent that this client version does not know."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)
