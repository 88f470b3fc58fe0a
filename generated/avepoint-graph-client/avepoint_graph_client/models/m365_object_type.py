from .._runtime.open_enums import OpenIntEnum


class M365ObjectType(OpenIntEnum):
    ALL = 0
    EXCHANGE_ONLINE = 1
    SHAREPOINT_ONLINE = 2
    ONEDRIVE = 3
    MICROSOFT_365_GROUPS = 4
    PROJECT_ONLINE = 5
    PUBLIC_FOLDER = 6
    TEAMS = 7
    VIVA_ENGAGE = 8
    TEAMS_CHAT = 9
    POWER_BI = 10
    POWER_AUTOMATE = 11
    POWER_APPS = 12

    def __str__(self) -> str:
        return str(self.value)
