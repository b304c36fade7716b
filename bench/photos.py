"""Benchmark of hostile photos (issue 19, finding 2): a report of three 36-megapixel 16-bit
PNGs (84 KB each, 36 MP each: the issue's attack) against a tenant's ordinary report of
three 12-megapixel phone JPEGs, through gunicorn (2 workers, the real form, an anonymous
tenant, each report from another address behind a proxy):

1. how long the hostile report takes to be refused, against the ordinary report's time;
2. the workers' peak memory (the largest VmHWM, peak resident set, of the gunicorn
   processes) after six of each, every scenario on a fresh server, against an idle server's;
3. the peak memory of one decode at each limit of ``images.LIMITS`` (a fresh process each,
   its VmHWM before and after ``clean_photo``): what sets those limits.

Before the fix the PNGs were decoded (over 400 MB each) before anything was counted; now
their headers refuse them, and a worker decodes one photo at a time.
"""
import io
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

from PIL import Image

from common import (SMOKE, ROOT, Figure, Target, prepare_instance, print_table, rounds, served,
                    serving_processes)

REQUESTS = rounds(6)  # as in the issue: six requests, three photos each
DESCRIPTION = "Moisissures au plafond de la salle de bains depuis l'hiver dernier."


def hostile_png() -> bytes:
    """A 36 MP 16-bit grey PNG, uniform: tiny on disk."""
    out = io.BytesIO()
    Image.new("I;16", (6000, 6000), 30000).save(out, "PNG")
    return out.getvalue()


def phone_jpeg() -> bytes:
    """A 12 MP (4000x3000) sequential JPEG with grain, as phones save them (0.75 MP in a
    smoke run)."""
    size = (1000, 750) if SMOKE else (4000, 3000)
    grain = Image.effect_noise(size, 12)
    shade = Image.linear_gradient("L").resize(size)
    out = io.BytesIO()
    Image.merge("RGB", (shade, grain, Image.blend(shade, grain, 0.5))).save(
        out, "JPEG", quality=85)
    return out.getvalue()


def multipart(fields: dict, files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser sends it, and its content type."""
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
             f"{value}\r\n".encode() for name, value in fields.items()]
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="photos"; '
              f'filename="{name}"\r\nContent-Type: image/png\r\n\r\n'.encode() + data + b"\r\n"
              for name, data in files]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), \
        f"multipart/form-data; boundary={boundary}"


def worker_peak_mb(instance: Path) -> float:
    """The largest peak resident set (VmHWM) of the processes serving ``instance``."""
    peaks = [int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024
             for _parent, status in serving_processes(instance).values()]
    return max(peaks)


def scenario(files: list[tuple[str, bytes]] | None) -> tuple[list[float], list[int], float]:
    """On a fresh server: the seconds and status of each of REQUESTS reports with ``files``
    (none: the server is only asked for the form), then the workers' peak memory in MB."""
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        with served(instance, BEHIND_PROXY="1") as base:
            seconds, statuses = [], []
            for number in range(REQUESTS if files is not None else 0):
                address = {"X-Forwarded-For": f"10.19.2.{number + 1}"}
                jar = CookieJar()
                opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar),
                                                     NoRedirect())
                form = opener.open(urllib.request.Request(base + "/signaler",
                                                          headers=address)).read().decode()
                token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form)[1]
                body, kind = multipart({"csrf_token": token, "building": "1",
                                        "category": "damp", "description": DESCRIPTION}, files)
                request = urllib.request.Request(base + "/signaler", body, method="POST",
                                                 headers={**address, "Content-Type": kind})
                start = time.perf_counter()
                try:
                    with opener.open(request, timeout=300) as response:
                        response.read()
                        statuses.append(response.status)
                except urllib.error.HTTPError as error:
                    statuses.append(error.code)
                seconds.append(time.perf_counter() - start)
            if files is None:
                urllib.request.urlopen(base + "/signaler").read()
            return seconds, statuses, worker_peak_mb(instance)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep the 303 of a recorded report as the answer: its time is the POST's."""

    def redirect_request(self, *args, **kwargs):
        """No request follows a redirect."""
        return None


def encoded(image: Image.Image, fmt: str, **params) -> bytes:
    """The bytes of ``image`` saved as ``fmt``."""
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


# The largest file of each kind that ``images.LIMITS`` lets through, uniform.
AT_THE_LIMITS = {
    "50 MP phone JPEG": lambda: encoded(Image.new("RGB", (8160, 6144), "grey"), "JPEG"),
    "16 MP progressive JPEG (4:4:4)": lambda: encoded(
        Image.new("RGB", (4000, 4000), "grey"), "JPEG", progressive=True, subsampling=0),
    "16 MP PNG": lambda: encoded(Image.new("RGB", (4000, 4000), "green"), "PNG"),
    "8 MP 16-bit PNG": lambda: encoded(Image.new("I;16", (2828, 2828), 30000), "PNG"),
    "5 MP WebP": lambda: encoded(Image.new("RGB", (2236, 2236), "green"), "WEBP", quality=50),
}
# VmHWM, not ru_maxrss: a process started by a large one inherits its ru_maxrss on Linux.
_MEASURE = """
import re, sys
from association import images
def peak():
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read())[1])
data = open(sys.argv[1], "rb").read()
before = peak()
images.clean_photo(data)
print((peak() - before) / 1024)
"""


def decode_peak_mb(data: bytes) -> float:
    """The peak memory, in MB, that cleaning ``data`` adds to a fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".img") as handle:
        handle.write(data)
        handle.flush()
        out = subprocess.run([sys.executable, "-c", _MEASURE, handle.name], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    return float(out)


def figures() -> list[Figure]:
    """The hostile report against the ordinary one: time, and the workers' peak memory."""
    png, jpeg = hostile_png(), phone_jpeg()
    _, _, idle_mb = scenario(None)
    normal_s, normal_status, normal_mb = scenario([(f"IMG_{n}.jpg", jpeg) for n in range(3)])
    hostile_s, hostile_status, hostile_mb = scenario([(f"IMG_{n}.png", png) for n in range(3)])
    if set(normal_status) != {303} or set(hostile_status) != {400}:
        raise RuntimeError(f"unexpected answers: {normal_status} then {hostile_status}")
    sizes = (f"three photos a report: PNGs of {len(png) // 1000} KB (6000x6000, 16-bit grey), "
             f"JPEGs of {len(jpeg) / 1e6:.1f} MB (4000x3000)")
    how = ("gunicorn with 2 sync workers, a fresh demo instance for each scenario; six "
           "anonymous reports one after another, each from its own address (X-Forwarded-For) "
           "with its form token")
    limits = list(AT_THE_LIMITS.items())[-1:] if SMOKE else AT_THE_LIMITS.items()
    peaks = {name: decode_peak_mb(make()) for name, make in limits}
    return [
        Figure("hostile report (3 × 36 MP 16-bit PNG) refused, median seconds",
               statistics.median(hostile_s), statistics.median(normal_s), "s",
               Target("≤", 0.5, "value", "issue 19: refused in well under a second"),
               note=f"{sizes}; slowest hostile {max(hostile_s):.3f} s",
               how=how + "; the baseline is the median time of an ordinary report (3 × 12 MP "
                         "phone JPEG), recorded (303)",
               baseline_name="an ordinary report, 3 × 12 MP JPEG"),
        Figure("worker peak memory after 6 hostile reports", hostile_mb, normal_mb, "MB",
               Target("≤", 1, source="ours: refusing costs no more than an ordinary report"),
               note=f"an idle worker peaks at {idle_mb:.0f} MB",
               how="the largest VmHWM (peak resident set) of the gunicorn processes after "
                   "the six reports; baseline: the same after six ordinary reports",
               baseline_name="after 6 ordinary reports (3 × 12 MP JPEG)"),
        Figure("one decode at the limits of images.LIMITS, largest peak", max(peaks.values()),
               unit="MB", target=Target("≤", 128, "value", "ours: a worker decodes one photo "
                                                             "at a time, at most ~110 MB"),
               note=", ".join(f"{name} {mb:.0f} MB" for name, mb in peaks.items()),
               how="each file made here, then cleaned in a fresh process: its peak resident set "
                   "(VmHWM) after `images.clean_photo` less before"),
    ]


if __name__ == "__main__":
    print_table(figures())
    sys.exit(0)
