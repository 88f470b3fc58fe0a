from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "id",
        "state",
        "startTime",
        "finishTime",
        "duration",
        "backupDetails",
        "jobErrors",
    }
)


T = TypeVar("T", bound="M365Job")


@_attrs_define
class M365Job:
    """One Cloud Backup for Microsoft 365 job. `state` is text (the sample has `Finished`); the pages list no values, so
    any string is admitted (AVE-43). `duration` is in hours, as text. Unknown members are allowed.

    """

    id: str
    """ Job ID. """
    state: str
    """ The job's state as text, such as `In Progress` or `Finished` (AVE-43). """
    start_time: str | Unset = UNSET
    """ When the job started (UTC). """
    finish_time: None | str | Unset = UNSET
    """ When the job finished; empty, null or absent while it runs (as AVE-10). """
    duration: str | Unset = UNSET
    """ How long the job took, in hours. """
    backup_details: M365BackupDetails | Unset = UNSET
    """ Item counts of a Microsoft 365 job. The table (and the job-details sample) name them `totalNumber`,
    `failedNumber`, `successfulNumber`, `skippedNumber`; the job-list sample `totalCount`, `failedCount`,
    `successfulCount`, `skippedCount`. Both spellings are admitted and none is required (AVE-42, variant
    `ave.m365-detail-names`). """
    job_errors: list[M365JobError] | None | Unset = UNSET
    """ The errors of the job. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state = self.state

        start_time = self.start_time

        finish_time: None | str | Unset
        if isinstance(self.finish_time, Unset):
            finish_time = UNSET
        else:
            finish_time = self.finish_time

        duration = self.duration

        backup_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.backup_details, Unset):
            backup_details = self.backup_details.to_dict()

        job_errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.job_errors, Unset):
            job_errors = UNSET
        elif isinstance(self.job_errors, list):
            job_errors = []
            for job_errors_type_0_item_data in self.job_errors:
                job_errors_type_0_item = job_errors_type_0_item_data.to_dict()
                job_errors.append(job_errors_type_0_item)

        else:
            job_errors = self.job_errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
            }
        )
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if finish_time is not UNSET:
            field_dict["finishTime"] = finish_time
        if duration is not UNSET:
            field_dict["duration"] = duration
        if backup_details is not UNSET:
            field_dict["backupDetails"] = backup_details
        if job_errors is not UNSET:
            field_dict["jobErrors"] = job_errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        id = src_dict["id"]

        state = src_dict["state"]

        start_time = src_dict.get("startTime", UNSET)

        _finish_time_data = src_dict.get("finishTime", UNSET)
        finish_time: None | str | Unset
        if _finish_time_data is None:
            finish_time = None
        elif isinstance(_finish_time_data, Unset):
            finish_time = UNSET
        else:
            finish_time = cast("None | str | Unset", _finish_time_data)

        duration = src_dict.get("duration", UNSET)

        _backup_details = src_dict.get("backupDetails", UNSET)
        backup_details: M365BackupDetails | Unset
        if isinstance(_backup_details, Unset):
            backup_details = UNSET
        else:
            backup_details = M365BackupDetails.from_dict(_backup_details)

        _job_errors_data = src_dict.get("jobErrors", UNSET)
        job_errors: list[M365JobError] | None | Unset
        if _job_errors_data is None:
            job_errors = None
        elif isinstance(_job_errors_data, Unset):
            job_errors = UNSET
        else:
            _job_errors_found = False
            if isinstance(_job_errors_data, list):
                try:
                    _job_errors_type_0_item = M365JobError.from_dict
                    job_errors_type_0 = [
                        _job_errors_type_0_item(job_errors_type_0_item_data)
                        for job_errors_type_0_item_data in _job_errors_data
                    ]

                    job_errors = job_errors_type_0
                    _job_errors_found = True
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            if not _job_errors_found:
                job_errors = cast("list[M365JobError] | None | Unset", _job_errors_data)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict)
            == 2
            + (start_time is not UNSET)
            + (finish_time is not UNSET)
            + (duration is not UNSET)
            + (backup_details is not UNSET)
            + (job_errors is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is M365Job:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.id = id
            _parsed_model_.state = state
            _parsed_model_.start_time = start_time
            _parsed_model_.finish_time = finish_time
            _parsed_model_.duration = duration
            _parsed_model_.backup_details = backup_details
            _parsed_model_.job_errors = job_errors
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                id=id,
                state=state,
                start_time=start_time,
                finish_time=finish_time,
                duration=duration,
                backup_details=backup_details,
                job_errors=job_errors,
            )
        _parsed_model_.additional_properties = additional_properties
        return _parsed_model_

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported at the end, not inside every method call as the stock template does: models that refer to each
# other would import circularly at the top, and an import statement run on each from_dict call costs about a
# microsecond, a large share of decoding a big response.
from ..models.m365_backup_details import M365BackupDetails  # noqa: E402
from ..models.m365_job_error import M365JobError  # noqa: E402
