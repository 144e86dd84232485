/// The kernel's `sort()` (lib/sort.c): an in-place heapsort, not stable, whose exact swap
/// sequence decides the order of equal keys, so it is reproduced step for step.
public enum KernelSort: Hashable, Sendable {
  /// The bottom-up heapsort of 6.1: one root extracted per round, ties between children go
  /// to the left one.
  case bottomUp
  /// The later variant (7.2): two elements extracted per round ("double pop"), ties between
  /// children go to the right one, and the last two compared once more. Seen on Debian's 7.2:
  /// three equal regions t1, t2, t3 sort as t3, t2, t1 (`Fixtures/kernel/38-overlap-ties`).
  case doublePop

  /// Sorts `items` with `compare` returning <0, 0 or >0, as `algorithm` orders ties.
  public static func sort<T>(_ items: inout [T], _ algorithm: KernelSort, _ compare: (T, T) -> Int) {
    switch algorithm {
    case .bottomUp: heapsort(&items, compare)
    case .doublePop: doublePopHeapsort(&items, compare)
    }
  }

  /// Sorts `items` with `compare` returning <0, 0 or >0, reproducing 6.1's tie order.
  public static func heapsort<T>(_ items: inout [T], _ compare: (T, T) -> Int) {
    var n = items.count
    var a = n / 2
    guard a > 0 else { return }
    while true {
      if a > 0 {
        a -= 1
      } else {
        n -= 1
        if n == 0 { break }
        items.swapAt(0, n)
      }
      var b = a
      while 2 * b + 2 < n {
        let d = 2 * b + 2
        b = compare(items[2 * b + 1], items[d]) >= 0 ? 2 * b + 1 : d
      }
      if 2 * b + 2 == n { b = 2 * b + 1 }
      siftInto(&items, from: a, to: b, compare)
    }
  }

  /// The double-pop heapsort: while more than three elements are left, each round moves the
  /// root and the larger of its two children to the end, then re-sifts that child's slot and
  /// the root; the last three are finished by one extraction and one comparison.
  public static func doublePopHeapsort<T>(_ items: inout [T], _ compare: (T, T) -> Int) {
    var n = items.count
    var a = n / 2
    var shift = 0
    guard a > 0 else { return }
    while true {
      if a > 0 {
        a -= 1 << shift
      } else if n > 3 {
        n -= 1
        items.swapAt(0, n)
        shift = compare(items[1], items[2]) <= 0 ? 1 : 0
        a = 1 << shift
        n -= 1
        items.swapAt(a, n)
      } else {
        break
      }
      var b = a
      while 2 * b + 2 < n {
        b = compare(items[2 * b + 1], items[2 * b + 2]) > 0 ? 2 * b + 1 : 2 * b + 2
      }
      if 2 * b + 2 == n { b = 2 * b + 1 }
      siftInto(&items, from: a, to: b, compare)
    }
    n -= 1
    items.swapAt(0, n)
    if n == 2 && compare(items[0], items[1]) > 0 { items.swapAt(0, 1) }
  }

  /// The bottom-up sift's second half: back up from the leaf `b` to where the element at `a`
  /// belongs, then rotate it into place.
  static func siftInto<T>(_ items: inout [T], from a: Int, to leaf: Int, _ compare: (T, T) -> Int) {
    var b = leaf
    while b != a && compare(items[a], items[b]) >= 0 { b = (b - 1) / 2 }
    let c = b
    while b != a {
      b = (b - 1) / 2
      items.swapAt(b, c)
    }
  }
}
