if x:
	if y:
		pass
	else:
		z = 1
	# comment
        
	w = 2
