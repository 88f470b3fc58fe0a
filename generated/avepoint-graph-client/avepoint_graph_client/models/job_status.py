from .._runtime.open_enums import OpenIntEnum


class JobStatus(OpenIntEnum):
    IN_PROGRESS = 0
    FINISHED = 2
    FAILED = 3
    FINISHED_WITH_EXCEPTION = 7

    def __str__(self) -> str:
        return str(self.value)
