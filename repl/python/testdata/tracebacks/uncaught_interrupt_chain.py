try:
    {}["missing"]
except KeyError:
    None.close()
