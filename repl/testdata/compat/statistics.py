# statistics: the summary a ping client prints over its round-trip times
import statistics
rtts = [0.25, 0.5, 0.125, 1.0]
statistics.mean(rtts), statistics.fmean(rtts), statistics.median(rtts)
statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4]), statistics.mean([0.1, 0.2, 0.3])
statistics.mean([1, 2.5]), statistics.mean(range(10)), statistics.mean([True, False])
statistics.fmean([1, 2, 3]), statistics.fmean([0.1, 0.2, 0.3])
statistics.median([3, 1, 2]), statistics.median([4, 1, 3, 2]), statistics.median([1, 2.0])
statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]), statistics.median_low([5, 1, 3])
statistics.mode([1, 2, 2, 3, 3]), statistics.mode("abracadabra"), statistics.mode(["x"])
statistics.variance([1, 2, 3]), statistics.variance([1, 2, 3, 4]), statistics.pvariance([1, 2, 3, 4])
statistics.stdev([1.0, 2.0, 4.0]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.stdev([1, 2])
statistics.variance([0.1, 0.2, 0.4]), statistics.pvariance([1, 2, 3], 2), statistics.stdev([10, 20, 35], 20)
round(statistics.stdev([12.5, 13.25, 11.0, 14.75]), 4)
isinstance(statistics.StatisticsError(), ValueError)
statistics.mean([])
statistics.median([])
statistics.mode([])
statistics.stdev([1])
statistics.pvariance([])
statistics.mean(5)
try:
    statistics.fmean([])
except ValueError as e:
    print(type(e).__name__, e)

