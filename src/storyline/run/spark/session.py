"""Starting (or joining) a Spark context: quiet, no web UI, loopback-only when local.

`spark_context(master)` yields a SparkContext. Inside `spark-submit` (or any
process whose Spark is already running) it joins that context and leaves it
running; otherwise it starts one and stops it afterwards. The master is the
one given, else spark-submit's `--master`, else `local[*]`.

A local master gets a driver bound to 127.0.0.1 and Python workers running
this interpreter (unless PYSPARK_PYTHON says otherwise); a cluster master
keeps Spark's own network and Python settings, which the cluster needs.
Logging is set to WARN with a log4j2 file of our own unless the user's Spark
configuration names one (SPARK_CONF_DIR).
"""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from typing import Iterator

LOCAL = "local[*]"
LOG_LEVEL = "WARN"
# log4j2: warnings and errors only; two start-up notes that are no use to a storyline user are silenced
_LOG4J2 = """\
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
logger.hadoop.name = org.apache.hadoop.util.NativeCodeLoader
logger.hadoop.level = error
logger.utils.name = org.apache.spark.util.Utils
logger.utils.level = error
"""


def settings(master: str | None, inside_spark: bool) -> dict[str, str]:
    """The Spark settings for a run: {key: value}; `master` None means spark-submit's when `inside_spark`,
    else local[*], whose driver is bound to loopback."""
    conf = {"spark.app.name": "storyline", "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false", "spark.python.worker.reuse": "true"}
    if master is None and inside_spark:
        return conf
    master = master or LOCAL
    conf["spark.master"] = master
    if master.startswith("local"):
        conf.update({"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1"})
    return conf


@contextmanager
def spark_context(master: str | None = None) -> Iterator:
    """A SparkContext for one run (see the module docstring); raises StorylineError when PySpark or Java
    is missing."""
    from storyline.errors import StorylineError
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError as err:
        raise StorylineError(f"the Spark runner needs PySpark (pip install pyspark==4.3.0): {err}") from None
    running = SparkContext._active_spark_context
    if running is not None and master in (None, running.master):
        yield running
        return
    inside = "PYSPARK_GATEWAY_PORT" in os.environ
    conf = SparkConf().setAll(list(settings(master, inside).items()))
    with tempfile.TemporaryDirectory(prefix="storyline-spark-") as tmp:
        if not inside and "SPARK_CONF_DIR" not in os.environ:
            log = os.path.join(tmp, "log4j2.properties")
            with open(log, "w", encoding="utf-8") as out:
                out.write(_LOG4J2)
            conf.set("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log}")
        if conf.get("spark.master", "").startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)     # workers in this environment
        try:
            sc = SparkContext.getOrCreate(conf)
        except Exception as err:  # Java missing or too old, a master that cannot be reached
            raise StorylineError(f"cannot start Spark ({str(err).strip().splitlines()[0][:300]})") from None
        sc.setLogLevel(LOG_LEVEL)
        try:
            yield sc
        finally:
            sc.stop()
