from .._runtime.open_enums import OpenIntEnum


class InsightsJobStatus(OpenIntEnum):
    IN_PROGRESS = 1
    FINISHED = 2
    FAILED = 3

    def __str__(self) -> str:
        return str(self.value)
