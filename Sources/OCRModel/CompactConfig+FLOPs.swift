// SPDX-License-Identifier: Apache-2.0

extension CompactConfig {
  /// Floating-point operations (2 per multiply-add) to read one line `width` pixels wide (at
  /// the input height) into `characters` characters: the conv tower, the BiLSTM encoder and
  /// characters + 1 decoder steps (the end token's included). Element-wise work is left out.
  public func flops(width: Int, characters: Int) -> Int {
    var multiplyAdds = 0
    // Conv layer i runs at (height, width) before its pooling; the last conv spans 2 rows.
    var (h, w, input) = (inputHeight, width, 1)
    let pools: [(Int, Int)?] = [(2, 2), (2, 2), nil, (2, 1), (2, 1), nil]
    for (index, output) in channels.enumerated() {
      let last = index == channels.count - 1
      let (kh, kw) = last ? (2, 3) : (3, 3)
      let outHeight = last ? h - 1 : h
      multiplyAdds += outHeight * w * kh * kw * input * output
      if let (ph, pw) = pools[index] { (h, w) = ((h + ph - 1) / ph, (w + pw - 1) / pw) }
      input = output
    }
    let columns = Self.featureLength(width: width)
    let memory = 2 * encoderHidden
    multiplyAdds += 2 * columns * 4 * encoderHidden * (channels.last! + encoderHidden)
    multiplyAdds += columns * memory * attention  // keys, once per line
    let perStep =
      4 * decoderHidden * (embedding + memory + decoderHidden)  // LSTM cell
      + decoderHidden * attention + columns * attention  // query, scores
      + columns * memory  // context
      + (decoderHidden + memory) * decoderHidden + decoderHidden * classes  // output, classifier
    multiplyAdds += (characters + 1) * perStep
    return 2 * multiplyAdds
  }
}
