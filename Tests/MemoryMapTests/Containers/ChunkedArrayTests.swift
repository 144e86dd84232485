import TestSupport
import Testing

@testable import MemoryMap

/// `ChunkedArray` must behave as a plain `Array` under any mix of inserts, removals and
/// writes, also across chunk splits (more than `chunkLimit` elements) and empty chunks.
@Suite struct ChunkedArrayTests {
  /// `steps` random inserts (60%), removals and writes, done to `list` and to `plain` alike.
  static func randomEdits<List: PositionalStorage>(_ list: inout List, _ plain: inout [Int], steps: Int, seed: UInt64)
  where List.Element == Int {
    var rng = SplitMix64(seed: seed)
    for step in 0..<steps {
      let roll = Int.random(in: 0..<10, using: &rng)
      if roll < 6 || plain.isEmpty {
        let at = Int.random(in: 0...plain.count, using: &rng)
        list.insert(step, at: at)
        plain.insert(step, at: at)
      } else if roll < 8 {
        let at = Int.random(in: 0..<plain.count, using: &rng)
        #expect(list.remove(at: at) == plain.remove(at: at))
      } else {
        let at = Int.random(in: 0..<plain.count, using: &rng)
        list[at] = -step
        plain[at] = -step
      }
    }
  }

  @Test("random edits match Array's", arguments: [UInt64(1), 2, 3])
  func matchesArray(seed: UInt64) {
    var chunked = ChunkedArray<Int>()
    var plain: [Int] = []
    Self.randomEdits(&chunked, &plain, steps: 20_000, seed: seed)
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

  @Test("a chunk in the middle emptied element by element disappears and positions stay right")
  func emptyMiddleChunk() {
    let limit = ChunkedArray<Int>.chunkLimit
    var chunked = ChunkedArray(0..<(3 * limit))
    var plain = Array(0..<(3 * limit))
    // The splits leave chunks of half the limit: remove one whole chunk from the middle.
    let middle = chunked.chunkStart(chunked.chunk(containing: limit + 1))
    let size = chunked.chunkStart(chunked.chunk(containing: middle) + 1) - middle
    for _ in 0..<size {
      chunked.remove(at: middle)
      plain.remove(at: middle)
    }
    #expect(Array(chunked) == plain)
    #expect(chunked.indices.map { chunked[$0] } == plain)
    chunked.insert(-1, at: middle)
    plain.insert(-1, at: middle)
    #expect(Array(chunked) == plain)
  }

  @Test("neighbourhood reads the positions around one, across chunk edges and past both ends")
  func neighbourhood() {
    var chunked = ChunkedArray<Int>()
    var plain: [Int] = []
    Self.randomEdits(&chunked, &plain, steps: 3000, seed: 5)
    let mirrored = MirroredChunkedArray(plain)
    func at(_ list: [Int], _ i: Int) -> Int? { list.indices.contains(i) ? list[i] : nil }
    for i in -1...plain.count {
      let got = chunked.neighbourhood(i)
      #expect([got.before, got.at, got.after] == [at(plain, i - 1), at(plain, i), at(plain, i + 1)], "\(i)")
      let mirroredGot = mirrored.neighbourhood(i)
      #expect([mirroredGot.before, mirroredGot.at, mirroredGot.after]
        == [at(plain, i - 1), at(plain, i), at(plain, i + 1)], "mirrored \(i)")
    }
    #expect(ChunkedArray<Int>().neighbourhood(0) == (nil, nil, nil))
  }

  @Test("the mirrored array reads, writes, inserts and searches as a reversed Array")
  func mirrored() {
    var mirrored = MirroredChunkedArray<Int>()
    var plain: [Int] = []
    Self.randomEdits(&mirrored, &plain, steps: 6000, seed: 11)
    #expect(Array(mirrored) == plain)
    #expect(Array(mirrored.storage) == plain.reversed())
    let descending = MirroredChunkedArray(stride(from: 5000, to: 0, by: -1))
    for split in stride(from: -1, through: 5001, by: 13) {
      #expect(descending.partitionPoint { $0 < split } == (descending.firstIndex { $0 < split } ?? descending.count))
    }
  }
}

extension Array {
  fileprivate func partitioningIndex(where isAbove: (Element) -> Bool) -> Int {
    firstIndex(where: isAbove) ?? count
  }
}
