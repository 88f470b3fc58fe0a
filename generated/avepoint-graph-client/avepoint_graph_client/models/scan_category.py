from .._runtime.open_enums import OpenIntEnum


class ScanCategory(OpenIntEnum):
    MICROSOFT_365 = 0
    POWER_PLATFORM = 1
    ACTIVE_DIRECTORY = 2
    GOOGLE = 3

    def __str__(self) -> str:
        return str(self.value)
