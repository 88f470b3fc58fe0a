from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

_object_new = object.__new__

# The JSON member names this model declares; any other member goes to additional_properties.
_PROPERTY_NAMES = frozenset(
    {
        "libraryName",
        "files",
        "folders",
    }
)


T = TypeVar("T", bound="RestoreTarget")


@_attrs_define
class RestoreTarget:
    """Files and folders of one library. At least one of `files` and `folders` is given. Across every target of a request
    at most 20 paths are named, and a path and its parent folder are never both named (the server answers 400 otherwise;
    AVE-47).

    """

    library_name: str
    """ Library that holds the items. """
    files: list[RestoreTargetPath] | Unset = UNSET
    """ Files to restore. """
    folders: list[RestoreTargetPath] | Unset = UNSET
    """ Folders to restore. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        library_name = self.library_name

        files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = []
            for files_item_data in self.files:
                files_item = files_item_data.to_dict()
                files.append(files_item)

        folders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.folders, Unset):
            folders = []
            for folders_item_data in self.folders:
                folders_item = folders_item_data.to_dict()
                folders.append(folders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "libraryName": library_name,
            }
        )
        if files is not UNSET:
            field_dict["files"] = files
        if folders is not UNSET:
            field_dict["folders"] = folders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        library_name = src_dict["libraryName"]

        _files = src_dict.get("files", UNSET)
        files: list[RestoreTargetPath] | Unset = UNSET
        if _files is not UNSET:
            files = []
            for files_item_data in _files:
                files_item = RestoreTargetPath.from_dict(files_item_data)

                files.append(files_item)

        _folders = src_dict.get("folders", UNSET)
        folders: list[RestoreTargetPath] | Unset = UNSET
        if _folders is not UNSET:
            folders = []
            for folders_item_data in _folders:
                folders_item = RestoreTargetPath.from_dict(folders_item_data)

                folders.append(folders_item)

        # Usually no member is left over, and telling that is cheaper than the comprehension.
        additional_properties: dict[str, Any] = (
            {}
            if len(src_dict) == 1 + (files is not UNSET) + (folders is not UNSET)
            else {k: v for k, v in src_dict.items() if k not in _PROPERTY_NAMES}
        )

        if cls is RestoreTarget:
            # The exact generated class: fill the slots directly. attrs' __init__ would make the same assignments,
            # and skipping the keyword call saves about a third of the construction time on big responses.
            _parsed_model_ = _object_new(cls)
            _parsed_model_.library_name = library_name
            _parsed_model_.files = files
            _parsed_model_.folders = folders
        else:
            # A user subclass may add fields or an __init__ of its own: build it the ordinary way.
            _parsed_model_ = cls(
                library_name=library_name,
                files=files,
                folders=folders,
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
from ..models.restore_target_path import RestoreTargetPath  # noqa: E402
