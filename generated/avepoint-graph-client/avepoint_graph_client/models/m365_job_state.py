from .._runtime.open_enums import OpenIntEnum


class M365JobState(OpenIntEnum):
    ALL = 0
    IN_PROGRESS = 1
    FINISHED = 2
    FAILED = 3
    FINISHED_WITH_EXCEPTION = 4
    PARTIALLY_FINISHED = 5

    def __str__(self) -> str:
        return str(self.value)
