import Testing

@testable import MemoryMap

/// `ChunkedArray` must behave as a plain `Array` under any mix of inserts, removals and
/// writes, also across chunk splits (more than `chunkLimit` elements) and empty chunks.
@Suite struct ChunkedArrayTests {
  @Test("random edits match Array's", arguments: [UInt64(1), 2, 3])
  func matchesArray(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    var chunked = ChunkedArray<Int>()
    var plain: [Int] = []
    for step in 0..<20_000 {
      let roll = Int.random(in: 0..<10, using: &rng)
      if roll < 6 || plain.isEmpty {
        let at = Int.random(in: 0...plain.count, using: &rng)
        chunked.insert(step, at: at)
        plain.insert(step, at: at)
      } else if roll < 8 {
        let at = Int.random(in: 0..<plain.count, using: &rng)
        #expect(chunked.remove(at: at) == plain.remove(at: at))
      } else {
        let at = Int.random(in: 0..<plain.count, using: &rng)
        chunked[at] = -step
        plain[at] = -step
      }
    }
    #expect(plain.count > 2 * ChunkedArray<Int>.chunkLimit)
    #expect(Array(chunked) == plain)
    #expect(chunked.indices.map { chunked[$0] } == plain)
    #expect(chunked.first == plain.first && chunked.last == plain.last)
    chunked.removeSubrange(10..<500)
    plain.removeSubrange(10..<500)
    #expect(Array(chunked) == plain)
  }

  @Test("partitionPoint finds the first element past the split, at every position")
  func partitionPoint() {
    let values = Array(0..<3000)
    let chunked = ChunkedArray(values)
    for split in stride(from: -1, through: 3001, by: 7) {
      #expect(chunked.partitionPoint { $0 >= split } == values.partitioningIndex { $0 >= split })
    }
  }
}

extension Array {
  fileprivate func partitioningIndex(where isAbove: (Element) -> Bool) -> Int {
    firstIndex(where: isAbove) ?? count
  }
}
