"""练习 5：有限差分梯度检验 · Exercise 5: finite-difference gradient check

【中文】
手写的解析梯度（比如 Softmax 交叉熵的 (softmax(Z) - Y) / N）很容易出错。检验它的
老办法是：不用任何公式，只调用函数本身，用差分近似导数，再和解析梯度比一比。

对 x 的每一个元素 x_i（x 可以是任意维的数组），中心差分为

    ∂f/∂x_i ≈ [ f(x + h·e_i) - f(x - h·e_i) ] / (2h)

其中 e_i 只在第 i 个位置为 1。它的截断误差是 O(h²)；前向差分
[f(x + h·e_i) - f(x)] / h 只有 O(h)，精度差得多。h 也不能太小：舍入误差大约是
ε/h（ε ≈ 2.2e-16），所以 float64 下 h = 1e-5 左右最合适。

两个梯度是否一致，用相对误差来判断：

    relative_error(a, b) = max_i |a_i - b_i| / max( max_i (|a_i| + |b_i|), 1e-12 )

分母里的 1e-12 防止两个梯度都为 0 时出现 0/0。光滑函数的梯度写对了，相对误差通常
小于 1e-7；大于 1e-2 基本可以肯定写错了。

请实现下面三个函数（删掉 `raise NotImplementedError`）：
  1. numerical_gradient：用中心差分求 f 在 x 处的梯度，x 是任意形状的数组；
  2. relative_error：按上面的公式计算相对误差；
  3. gradient_check：比较 grad_f(x) 和数值梯度，返回 (是否小于 tol, 相对误差)。
注意：x 可能是整数数组，先转成浮点数再加减 h；调用结束后 x 必须和传进来时一模一样
（每一位都相同）——改动某个元素之前先保存旧值，算完后把旧值赋回去，
不要靠 "+h 再 -h" 这样的算术来恢复。
完成后运行 `grade exercise5` 查看得分和反馈。

例子：f(x) = Σ x²，x = [3, 4]：数值梯度 ≈ [6, 8]。

[English]
Analytic gradients written by hand, such as (softmax(Z) - Y) / N for softmax
cross-entropy, are easy to get wrong. The classic test uses no formula at all:
evaluate the function itself on either side of each coordinate, approximate the
derivative by a difference, and compare it with the analytic gradient.

For each entry x_i of x (an array of any number of dimensions), the central
difference is

    ∂f/∂x_i ≈ [ f(x + h·e_i) - f(x - h·e_i) ] / (2h)

where e_i is 1 at position i and 0 elsewhere. Its truncation error is O(h²); the
forward difference [f(x + h·e_i) - f(x)] / h is only O(h). Nor should h be tiny:
rounding error grows like ε/h (ε ≈ 2.2e-16), so h around 1e-5 suits float64.

Whether two gradients agree is judged by their relative error:

    relative_error(a, b) = max_i |a_i - b_i| / max( max_i (|a_i| + |b_i|), 1e-12 )

The 1e-12 floor keeps 0/0 away when both gradients are zero. For a smooth
function and a correct gradient it is usually below 1e-7; above 1e-2 the
gradient is almost certainly wrong.

Implement the three functions below (remove the `raise NotImplementedError`):
  1. numerical_gradient: the central-difference gradient of f at x, for x of any shape;
  2. relative_error: the relative error defined above;
  3. gradient_check: compare grad_f(x) with the numerical gradient and return
     (relative error < tol, relative error).
x may be an integer array: convert to float before adding h. When your function
returns, x must be exactly as it was passed in, bit for bit: save an entry's old
value before changing it and assign that value back afterwards, rather than
undoing the step with arithmetic such as "+h, then -h". Then run
`grade exercise5` for your score and feedback.

Example: f(x) = Σ x², x = [3, 4]: the numerical gradient is ≈ [6, 8].
"""


def numerical_gradient(f, x, h=1e-5):
    """The gradient of f at x by central differences.

    f: a function taking an array shaped like x and returning a number.
    x: a numpy array of any shape (float or int); leave it exactly as it was.
    h: the step.
    Returns: a float array shaped like x whose entry at index i is
        (f(x + h·e_i) - f(x - h·e_i)) / (2h), e_i being 1 at index i, 0 elsewhere.

    用中心差分求 f 在 x 处的梯度，返回与 x 同形状的浮点数组；x 可以是任意维、
    也可以是整数数组（先转成浮点数）。函数返回时 x 必须与传入时逐位相同。
    提示：np.ndindex(x.shape) 或 np.nditer(..., flags=["multi_index"]) 可以遍历任意维数组的下标。
    """
    raise NotImplementedError


def relative_error(a, b):
    """The relative error between two arrays of the same shape.

    Returns a Python float: the largest |a_i - b_i| over all entries, divided by
    the larger of 1e-12 and the largest |a_i| + |b_i| over all entries:
        max_i |a_i - b_i| / max(max_i (|a_i| + |b_i|), 1e-12)
    so two all-zero arrays have relative error 0.

    返回一个 float：所有元素中 |a_i - b_i| 的最大值，除以
    "所有元素中 |a_i| + |b_i| 的最大值" 与 1e-12 两者中较大的那个。两个全零数组的相对误差为 0。
    """
    raise NotImplementedError


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    """Check an analytic gradient against central differences.

    f: the function; grad_f: its claimed gradient, grad_f(x) shaped like x.
    x: the point (numpy array of any shape); leave it exactly as it was.
    h: the step for numerical_gradient; tol: the largest acceptable relative error.
    Returns: a tuple (passed, error): error is relative_error(grad_f(x),
        numerical_gradient(f, x, h)) as a float, passed is the bool error < tol.

    比较 grad_f(x) 与 numerical_gradient(f, x, h)，返回元组 (相对误差 < tol 的布尔值, 相对误差)。
    """
    raise NotImplementedError
