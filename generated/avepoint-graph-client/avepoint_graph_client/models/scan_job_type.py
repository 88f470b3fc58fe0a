from .._runtime.open_enums import OpenIntEnum


class ScanJobType(OpenIntEnum):
    MICROSOFT_365_AND_POWER_PLATFORM_SCAN = 0
    GOOGLE_WORKSPACE_SCAN = 10
    BATCH_IMPORT = 11

    def __str__(self) -> str:
        return str(self.value)
