from .._runtime.open_enums import OpenIntEnum


class M365RestoreServiceType(OpenIntEnum):
    SHAREPOINT_ONLINE = 1
    ONEDRIVE = 2
    MICROSOFT_365_GROUPS = 3
    TEAMS = 6

    def __str__(self) -> str:
        return str(self.value)
