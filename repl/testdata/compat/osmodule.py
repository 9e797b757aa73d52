# The sliver of os that socket programs need.
import os
os.unlink("/tmp/nonexist.sock")
os.unlink(5)
os.unlink("/tmp")
os.unlink()
os.path.exists()
os.path.exists(b"/tmp"), os.path.exists("/nonexistent/x")
os.getpid() > 0
