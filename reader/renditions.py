"""Image renditions: smaller copies of uploads in WebP with a JPEG fallback, made once and kept.

A rendition is made the first time a page asks for it and stored next to the uploads under
`renditions/`; later requests only check that the file exists. Images are never enlarged.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

WIDTHS = (480, 960, 1440)
FORMATS = {"webp": ("WEBP", "image/webp"), "jpg": ("JPEG", "image/jpeg")}
SHARE_SIZE = (1200, 630)  # Open Graph and Twitter cards
STRUCTURED_DATA_RATIOS = ((16, 9), (4, 3), (1, 1))  # what search engines ask for


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """Everything a <picture> element needs."""

    webp_srcset: str
    jpeg_srcset: str
    src: str
    width: int
    height: int


def _target_size(width: int, height: int, target_width: int, ratio=None) -> tuple[int, int]:
    if ratio:
        return target_width, round(target_width * ratio[1] / ratio[0])
    return target_width, round(height * target_width / width)


def rendition(image, target_width: int, *, extension: str = "webp", ratio=None) -> Rendition | None:
    """Return a stored rendition of `image` at `target_width` (cropped to `ratio` if given)."""
    if not image or not image.name:
        return None
    original_width, original_height = image.width, image.height
    target_width = min(target_width, original_width)
    size = _target_size(original_width, original_height, target_width, ratio)
    stem = PurePosixPath(image.name).with_suffix("")
    suffix = f"-{ratio[0]}x{ratio[1]}" if ratio else ""
    name = f"renditions/{stem}-{target_width}{suffix}.{extension}"
    if not default_storage.exists(name):
        _make(image, name, size, extension, crop=bool(ratio))
    return Rendition(url=default_storage.url(name), width=size[0], height=size[1])


def _make(image, name: str, size: tuple[int, int], extension: str, *, crop: bool) -> None:
    pillow_format, _ = FORMATS[extension]
    with default_storage.open(image.name, "rb") as source, Image.open(source) as picture:
        picture = ImageOps.exif_transpose(picture)
        if crop:
            picture = ImageOps.fit(picture, size, Image.Resampling.LANCZOS)
        else:
            picture = picture.resize(size, Image.Resampling.LANCZOS)
        if pillow_format == "JPEG" and picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        buffer = BytesIO()
        picture.save(buffer, pillow_format, quality=82, optimize=True)
    default_storage.save(name, ContentFile(buffer.getvalue()))


def picture(image) -> Picture | None:
    """Return the srcsets for a responsive <picture> of `image`, or None when there is none."""
    if not image or not image.name or not image.width:
        return None
    widths = sorted({min(width, image.width) for width in WIDTHS})
    webp = [rendition(image, width, extension="webp") for width in widths]
    jpeg = [rendition(image, width, extension="jpg") for width in widths]
    largest = jpeg[-1]
    return Picture(
        webp_srcset=", ".join(f"{r.url} {r.width}w" for r in webp),
        jpeg_srcset=", ".join(f"{r.url} {r.width}w" for r in jpeg),
        src=largest.url,
        width=largest.width,
        height=largest.height,
    )


def share_image(image) -> Rendition | None:
    """Return the 1200×630 crop used by social cards."""
    if not image or not image.name or not image.width:
        return None
    return rendition(image, SHARE_SIZE[0], extension="jpg", ratio=SHARE_SIZE)


def structured_data_images(image) -> list[str]:
    """Return absolute-ready URLs of the 16:9, 4:3 and 1:1 crops search engines prefer."""
    if not image or not image.name or not image.width:
        return []
    return [
        rendition(image, 1200, extension="jpg", ratio=ratio).url for ratio in STRUCTURED_DATA_RATIOS
    ]
