// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The learning rate as a function of the (zero-based) step; pure, so resuming at step k
/// gives exactly the rate an uninterrupted run would have used.
public protocol LearningRateSchedule: Sendable {
  func learningRate(at step: Int) -> Double
}

/// The same rate at every step.
public struct ConstantSchedule: LearningRateSchedule {
  public let rate: Double
  public init(_ rate: Double) { self.rate = rate }
  public func learningRate(at step: Int) -> Double { rate }
}

/// `rate · gamma^⌊step / interval⌋`, as `torch.optim.lr_scheduler.StepLR`.
public struct StepSchedule: LearningRateSchedule {
  public let rate: Double
  public let interval: Int
  public let gamma: Double

  public init(rate: Double, interval: Int, gamma: Double) {
    precondition(interval > 0, "StepSchedule interval must be positive")
    self.rate = rate
    self.interval = interval
    self.gamma = gamma
  }

  public func learningRate(at step: Int) -> Double {
    rate * pow(gamma, Double(step / interval))
  }
}

/// Linear warm-up from 0 over `warmupSteps`, then cosine decay to `minimumRate` at `totalSteps`
/// (held there afterwards).
public struct CosineSchedule: LearningRateSchedule {
  public let rate: Double
  public let warmupSteps: Int
  public let totalSteps: Int
  public let minimumRate: Double

  public init(rate: Double, warmupSteps: Int = 0, totalSteps: Int, minimumRate: Double = 0) {
    precondition(totalSteps > warmupSteps, "CosineSchedule needs totalSteps > warmupSteps")
    self.rate = rate
    self.warmupSteps = warmupSteps
    self.totalSteps = totalSteps
    self.minimumRate = minimumRate
  }

  public func learningRate(at step: Int) -> Double {
    if step < warmupSteps { return rate * Double(step + 1) / Double(warmupSteps) }
    let progress = min(1, Double(step - warmupSteps) / Double(totalSteps - warmupSteps))
    return minimumRate + (rate - minimumRate) * 0.5 * (1 + cos(Double.pi * progress))
  }
}
