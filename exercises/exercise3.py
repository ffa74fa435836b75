"""练习 3：二元交叉熵及其导数 · Exercise 3: binary cross-entropy and its derivatives

【中文】
二分类（"这张图是不是猫？"）的模型只输出一个实数 z（logit），再用 sigmoid
把它变成"是"的概率 p = σ(z) = 1 / (1 + e^(-z))。标签 y 取 0 或 1。
单个样本的二元交叉熵（BCE）是

    L = -[ y · ln p + (1 - y) · ln(1 - p) ]

y = 1 时只剩 -ln p，y = 0 时只剩 -ln(1 - p)：两种答案都会被惩罚。一批样本的
损失取平均。为了不出现 ln 0，p 和 1 - p 都要先截断到 [eps, 1]。

对 logit 求导，sigmoid 的导数 σ'(z) = p(1 - p) 恰好被消掉：

    dL/dz = σ(z) - y                  （BCE："超级跑车"）
    d²L/dz² = p(1 - p)                （BCE 的曲率，z = 0 时最大，为 0.25）

如果改用均方误差 L = ½(σ(z) - y)²，导数是 (p - y) · p(1 - p)：模型错得越离谱
（p 接近 0 或 1），这个多出来的 p(1 - p) 越接近 0，梯度几乎消失（"老爷车"）。

请实现下面五个函数（删掉 `raise NotImplementedError`）：
  1. sigmoid：对很大的 |z|（例如 ±1000）也不能溢出，不能出现 overflow 警告；
     提示：按 z 的正负分开计算，只对非正数求 exp；
  2. bce_loss：平均二元交叉熵，p 与 1 - p 都截断到 [eps, 1]；
  3. bce_grad_logit：每个样本的 dL/dz；
  4. mse_sigmoid_grad_logit：每个样本 ½(σ(z) - y)² 对 z 的导数；
  5. bce_curvature：每个样本的 d²L/dz²。
注意：用自然对数 np.log；参数顺序是先预测、后标签；不要修改传入的数组；
输入可以是 float64 / float32 数组、Python 列表或单个数。
完成后运行 `grade exercise3` 查看得分和反馈。

例子：p = 0.7 而 y = 0，损失 = -ln 0.3 ≈ 1.204；z = 0、y = 1 时 dL/dz = -0.5，
MSE 的导数只有 -0.125，曲率为 0.25。

[English]
A binary classifier ("is this a cat?") outputs one real number z, the logit,
and the sigmoid turns it into the probability of "yes": p = σ(z) = 1 / (1 + e^(-z)).
The label y is 0 or 1. The binary cross-entropy (BCE) of one example is

    L = -[ y · ln p + (1 - y) · ln(1 - p) ]

With y = 1 only -ln p is left, with y = 0 only -ln(1 - p): both outcomes are
penalised. A batch costs the mean of its examples. To keep ln 0 out, clip both
p and 1 - p to [eps, 1] first.

Differentiating with respect to the logit, the sigmoid's slope σ'(z) = p(1 - p)
cancels out:

    dL/dz = σ(z) - y                  (BCE: the "sports car")
    d²L/dz² = p(1 - p)                (BCE's curvature, largest at z = 0: 0.25)

With the squared error L = ½(σ(z) - y)² instead, the derivative is
(p - y) · p(1 - p): the more confidently wrong the model (p near 0 or 1), the
closer that extra factor p(1 - p) is to 0, and the gradient all but vanishes
(the "old car").

Implement the five functions below (remove the `raise NotImplementedError`):
  1. sigmoid: no overflow, and no overflow warning, even for huge |z| (±1000);
     hint: treat positive and negative z separately, take exp of non-positive numbers only;
  2. bce_loss: the mean binary cross-entropy, p and 1 - p clipped to [eps, 1];
  3. bce_grad_logit: dL/dz for every example;
  4. mse_sigmoid_grad_logit: the derivative of ½(σ(z) - y)² with respect to z, per example;
  5. bce_curvature: d²L/dz² for every example.
Use the natural log (np.log), take the prediction first and the label second,
and leave the arrays you are given unchanged. Inputs may be float64 or float32
arrays, Python lists or single numbers. Then run `grade exercise3` for your
score and feedback.

Example: p = 0.7 with y = 0 costs -ln 0.3 ≈ 1.204; at z = 0 with y = 1,
dL/dz = -0.5 while the MSE derivative is only -0.125, and the curvature is 0.25.
"""


def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), element by element.

    z: logits, any shape; float64 or float32 array, a list, or a single number.
    Returns: an array of the same shape as z, values in [0, 1]. Must not overflow
        or warn for large |z| (z = ±1000 gives 1.0 and 0.0).

    逐元素计算 sigmoid。返回与 z 形状相同的数组。z 很大或很小（±1000）时
    不能溢出，也不能出现 overflow 警告：按 z 的正负分开计算。
    """
    raise NotImplementedError


def bce_loss(p, y, eps=1e-12):
    """Mean binary cross-entropy of predicted probabilities p against labels y.

    p: predicted probabilities of class 1, shape (N,) (or a single number);
        float64 or float32 array, or a list. Values in [0, 1], 0 and 1 included.
    y: labels, 0 or 1, same shape as p.
    eps: clip p and 1 - p to [eps, 1] before taking their logs.
    Returns: a Python float, the mean over the examples of
        -[y ln p + (1 - y) ln(1 - p)]. Finite even when p is exactly 0 or 1.

    返回一个 float：对每个样本计算 -[y·ln p + (1-y)·ln(1-p)]，再取平均。
    取对数之前把 p 和 1 - p 都截断到 [eps, 1]，所以 p 恰好为 0 或 1 时结果仍是有限数。
    参数顺序：先预测 p，后标签 y。
    """
    raise NotImplementedError


def bce_grad_logit(z, y):
    """The gradient of one example's BCE with respect to its logit: dL/dz = σ(z) - y.

    z: logits, shape (N,) (or a single number); float64 or float32 array, or a list.
    y: labels, 0 or 1, same shape as z.
    Returns: an array of the same shape as z, one derivative per example
        (not divided by N).

    每个样本的 BCE 对 logit 的导数 σ(z) - y，返回与 z 形状相同的数组（不要除以 N）。
    """
    raise NotImplementedError


def mse_sigmoid_grad_logit(z, y):
    """The gradient of 0.5 (σ(z) - y)² with respect to z, per example.

    z: logits, shape (N,) (or a single number); float64 or float32 array, or a list.
    y: labels, 0 or 1, same shape as z.
    Returns: an array of the same shape as z: (p - y) p (1 - p) with p = σ(z).

    每个样本的 ½(σ(z) - y)² 对 z 的导数 (p - y)·p·(1 - p)，返回与 z 形状相同的数组。
    """
    raise NotImplementedError


def bce_curvature(z):
    """The second derivative of one example's BCE with respect to its logit.

    z: logits, any shape; float64 or float32 array, a list, or a single number.
    Returns: an array of the same shape as z: d²L/dz² = p (1 - p) with p = σ(z)
        (the same for y = 0 and y = 1).

    BCE 对 logit 的二阶导数 p(1 - p)（与标签无关），返回与 z 形状相同的数组。
    """
    raise NotImplementedError
