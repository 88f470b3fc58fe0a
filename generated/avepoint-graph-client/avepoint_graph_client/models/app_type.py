from .._runtime.open_enums import OpenIntEnum


class AppType(OpenIntEnum):
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

    def __str__(self) -> str:
        return str(self.value)
