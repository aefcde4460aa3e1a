import Torch
let x = try Tensor([1, 2, 3, 4] as [Float], shape: [2, 2])
print(try (x * 2 + 1).relu().toArray(of: Float.self))
