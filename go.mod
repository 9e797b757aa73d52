module sockrepl

go 1.26.8
