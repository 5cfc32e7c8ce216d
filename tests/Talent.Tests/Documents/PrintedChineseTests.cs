using Talent.Profiles;
using Talent.Tests.Web;

namespace Talent.Tests.Documents;

/// <summary>
/// A Chinese CV printed by Chromium in a narrow column: its skills line wraps inside a word (Chinese is written without
/// spaces, so print breaks a line between any two characters), and each skill is read whole, with no space in it.
/// </summary>
public sealed class PrintedChineseTests
{
    private const string Page = """
        <!doctype html><html><head><meta charset="utf-8"><style>
        body { width: 260px; font-family: "WenQuanYi Micro Hei", sans-serif; }
        </style></head><body>
        <h1>欧阳佐坤</h1>
        <p>zuokun@example.cn</p>
        <h2>技能</h2>
        <p>技能专长: 机器学习, 时间序列分析, 因果推断, 信号处理, 非线性优化, 深度学习, 强化学习</p>
        <h2>教育背景</h2>
        <p>博士, 奥尔良大学, 2019 - 2023</p>
        </body></html>
        """;

    [ChromiumFact]
    public async Task A_skill_cut_by_a_printed_line_end_is_read_whole()
    {
        var profile = Assert.IsType<ExtractionResult.Accepted>(await PrintedDocuments.PrintAndExtractAsync(Page)).Profile;

        Assert.Equal(["机器学习", "时间序列分析", "因果推断", "信号处理", "非线性优化", "深度学习", "强化学习"], profile.Skills);
    }
}
