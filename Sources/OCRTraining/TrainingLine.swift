// SPDX-License-Identifier: Apache-2.0
import OCRData
import SyntheticData

/// One labelled line of a training batch, from the synthetic stream or from records.
struct TrainingLine {
  let image: Image
  let ids: [Int]
  let text: String

  init(image: Image, ids: [Int], text: String) {
    self.image = image
    self.ids = ids
    self.text = text
  }

  init(_ sample: SyntheticSample) {
    self.init(image: sample.image, ids: sample.ids, text: sample.text)
  }
}
