"""A Jupyter kernel manager that lets rapaio 3.0.1 finish starting before the client talks to it.

rapaio binds its sockets, then builds its JShell, and only then its message-handler table. Requests that arrive in
between (the client queues kernel_info requests before the sockets even exist) hit a null table, the kernel's
shell thread dies, and nbconvert reports "Kernel didn't respond". This manager sends the kernel's log to a file,
waits until all five sockets are bound, then lets the kernel settle for LSTMLAB_KERNEL_SETTLE seconds (default 3)
before returning, so the client's first request comes later. It narrows the race; the runner still retries.
Used by scripts/notebooks.py via --ExecutePreprocessor.kernel_manager_class=settled_kernel.SettledKernelManager.
"""
import asyncio, os, time
from jupyter_client.manager import AsyncKernelManager

CHANNELS = ("[ShellChannel]", "[IOPubChannel]", "[StdinChannel]", "[ControlChannel]", "[HeartbeatChannel]")


class SettledKernelManager(AsyncKernelManager):

    async def _launch_kernel(self, kernel_cmd, **kw):  # AsyncKernelManager binds _launch_kernel at class level
        log_path = os.environ.get("LSTMLAB_KERNEL_LOG", os.devnull)
        log = open(log_path, "ab")
        kw["stderr"] = log
        await super()._async_launch_kernel(kernel_cmd, **kw)
        if log_path == os.devnull:
            return
        deadline = time.monotonic() + float(os.environ.get("LSTMLAB_KERNEL_STARTUP", "30"))
        while time.monotonic() < deadline and await self.is_alive():
            with open(log_path, errors="replace") as f:
                text = f.read()
            if all(c + ": Binding" in text for c in CHANNELS):
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(float(os.environ.get("LSTMLAB_KERNEL_SETTLE", "3")))
