"""Checks on uploaded images: real images of an allowed format and a sane size."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000


def validate_image_upload(file) -> None:
    """Refuse files that are too big, not images, of another format or absurdly large in pixels."""
    if getattr(file, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    size = getattr(file, "size", 0) or 0
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            "This image is %(size)s MB; the limit is %(limit)s MB.",
            code="image_too_large",
            params={
                "size": round(size / 1024 / 1024, 1),
                "limit": MAX_UPLOAD_BYTES // 1024 // 1024,
            },
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    "This image is %(width)s×%(height)s pixels; the limit is 40 megapixels.",
                    code="image_too_many_pixels",
                    params={"width": width, "height": height},
                )
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError(
            "This file is not an image we can read (JPEG, PNG, WebP or GIF).", code="image_invalid"
        ) from error
    finally:
        if position is not None:
            file.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            "%(format)s images are not accepted; upload JPEG, PNG, WebP or GIF.",
            code="image_format",
            params={"format": image_format},
        )


def stored_image_name(folder: str, field_file, filename: str) -> str:
    """Return where to store an upload: `folder` (strftime codes allowed), the uploaded name, and
    the extension of the format the file really holds (a PNG sent as "x.pdf" becomes "x.png")."""
    upload = getattr(field_file, "file", field_file)
    position = upload.tell()
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            extension = EXTENSIONS.get(image.format, "bin")
    finally:
        upload.seek(position)
    stem = PurePosixPath(filename).stem or "image"
    return f"{timezone.now().strftime(folder)}{stem}.{extension}"
