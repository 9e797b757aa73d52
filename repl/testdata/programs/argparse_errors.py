# program: argparse rejecting a bad option value: usage and error on stderr, exit status 2
# peer: none
# args: --port many 127.0.0.1
# exit: 2
import argparse

parser = argparse.ArgumentParser(prog="tcpclient", description="Connect and send one line")
parser.add_argument("host", help="server to contact")
parser.add_argument("--port", type=int, default=7, help="TCP port")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--no-wait", dest="wait", action="store_false")

print(parser.format_usage(), end="")
print(parser.parse_args(["example.org", "-vv", "--no-wait"]))
print(vars(parser.parse_args(["localhost", "--port", "80"])))
args = parser.parse_args()  # fails: --port needs an int
print("not reached", args)
