# The sliver of os that socket programs need.
import os
os.unlink("/tmp/nonexist.sock")
os.unlink(5)
os.unlink("/tmp")
os.unlink()
os.path.exists()
os.path.exists(b"/tmp"), os.path.exists("/nonexistent/x")
os.getpid() > 0

# os.path: names for files a server serves, and what is there
import os.path
os.path.join("a", "/b", "c"), os.path.join("a/", "b"), os.path.join("www", "index.html"), os.path.join("")
os.path.split("/a/b"), os.path.split("a"), os.path.split("//x"), os.path.split("/a//b/")
os.path.basename("a/"), os.path.basename("/srv/www/index.html"), os.path.dirname("/a"), os.path.dirname("a//b")
os.path.splitext(".bashrc"), os.path.splitext("a.b/c"), os.path.splitext("f.tar.gz"), os.path.splitext("..x.y")
os.path.normpath("a//b/../c/."), os.path.normpath(""), os.path.normpath("//x/../y"), os.path.normpath("///x")
os.path.isabs("/x"), os.path.isabs("x"), os.path.sep
os.path.isdir("/tmp"), os.path.isfile("/tmp"), os.path.isfile("/etc/hostname"), os.path.isdir("/nonexistent")
os.path.getsize("/etc/hostname") > 0
os.path.abspath("/a/./b/../c")
os.path.join()
os.path.join(1)
os.path.basename(None)
os.path.getsize("/nonexistent")
