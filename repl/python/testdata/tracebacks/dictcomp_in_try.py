def index(words):
    try:
        return {w: len(w) // (len(w) - 3) for w in words}
    finally:
        print("indexed")

index(["four", "six"])
