from .._runtime.open_enums import OpenStrEnum


class GrantType(OpenStrEnum):
    CLIENT_CREDENTIALS = "client_credentials"

    def __str__(self) -> str:
        return str(self.value)
