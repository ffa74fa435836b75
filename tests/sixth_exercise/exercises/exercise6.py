"""练习 6：标签平滑 · Exercise 6: label smoothing

【中文】
二元交叉熵对 logit 的梯度是 p - y（p = σ(z)）。模型对一个样本判断正确而且非常
自信时（y = 1 且 p → 1，或 y = 0 且 p → 0），梯度趋近于 0：模型几乎不再从这个
样本学到东西，还会越来越自信。标签平滑把硬标签 y ∈ {0, 1} 换成软标签

    y' = (1 - ε) · y + ε · (1 - y)

其中 ε 是一个很小的正数（例如 0.1）：y = 1 变成 1 - ε，y = 0 变成 ε。梯度随之变成
p - y'：即使 p → 1，真实标签为 1 的样本的梯度也趋近于 ε 而不是 0。

请实现下面两个函数（删掉 `raise NotImplementedError`）：
  1. smooth_labels：按上面的公式把硬标签变成软标签；
  2. smoothed_bce_grad_logit：平滑标签下每个样本的 dL/dz = σ(z) - y'，
     对很大的 |z|（例如 ±1000）也不能溢出。
注意：不要修改传入的数组。完成后运行 `grade exercise6` 查看得分和反馈。

[English]
The gradient of binary cross-entropy with respect to the logit is p - y (p = σ(z)).
When the model is right and very confident about an example (y = 1 and p → 1, or
y = 0 and p → 0), that gradient tends to 0: the model learns almost nothing more from
the example, and grows ever more confident. Label smoothing replaces the hard label
y ∈ {0, 1} by the soft label

    y' = (1 - ε) · y + ε · (1 - y)

for a small positive ε (0.1, say): y = 1 becomes 1 - ε and y = 0 becomes ε. The
gradient becomes p - y': even as p → 1, an example labelled 1 keeps a gradient of
about ε instead of 0.

Implement the two functions below (remove the `raise NotImplementedError`):
  1. smooth_labels: the soft labels of the formula above;
  2. smoothed_bce_grad_logit: per example, dL/dz = σ(z) - y' with smoothed labels,
     without overflow for huge |z| (±1000, say).
Leave the arrays you are given unchanged. Then run `grade exercise6` for your score
and feedback.
"""


def smooth_labels(y, epsilon=0.1):
    """The smoothed labels y' = (1 - epsilon) y + epsilon (1 - y).

    y: labels, 0 or 1, an array of any shape (or a list, or a single number).
    epsilon: the amount of smoothing, between 0 and 0.5.
    Returns: a float array shaped like y.

    软标签 y' = (1 - epsilon)·y + epsilon·(1 - y)，返回与 y 形状相同的浮点数组。
    """
    raise NotImplementedError


def smoothed_bce_grad_logit(z, y, epsilon=0.1):
    """The gradient of BCE with smoothed labels with respect to the logit: σ(z) - y'.

    z: logits, an array of any shape (or a single number), float64 or float32.
    y: labels, 0 or 1, shaped like z.
    epsilon: the amount of smoothing, as in smooth_labels.
    Returns: a float array shaped like z, one derivative per example (not divided by N).

    平滑标签下每个样本的 BCE 对 logit 的导数 σ(z) - y'，返回与 z 形状相同的数组。
    """
    raise NotImplementedError
