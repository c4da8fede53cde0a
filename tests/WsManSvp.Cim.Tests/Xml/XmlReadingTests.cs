using System.Xml;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

public class XmlReadingTests
{
    [Fact]
    public void Children_are_walked_skipping_whitespace_and_comments()
    {
        var r = ReaderOn("<p:a>\n  <p:b/><!-- note -->\n  <p:c>1</p:c>\n</p:a>");
        var names = new List<string>();

        Assert.True(r.EnterElement());
        do
        {
            names.Add(r.LocalName);
            r.Skip();
        } while (r.NextChildElement());
        r.LeaveElement();

        Assert.Equal(["b", "c"], names);
        AssertAtMarker(r);
    }

    [Theory]
    [InlineData("<p:a/>")]
    [InlineData("<p:a></p:a>")]
    [InlineData("<p:a> <!-- only a comment --> </p:a>")]
    public void Entering_an_element_without_children_moves_past_it(string xml)
    {
        var r = ReaderOn(xml);

        Assert.False(r.EnterElement());
        AssertAtMarker(r);
    }

    [Fact]
    public void Text_where_elements_belong_is_refused_with_its_position()
    {
        var r = ReaderOn("<p:a><p:b/>stray text</p:a>");
        Assert.True(r.EnterElement());
        r.Skip();

        var e = Assert.Throws<XmlException>(() => r.NextChildElement());

        Assert.StartsWith("Unexpected text 'stray text' where elements were expected.", e.Message);
        Assert.Equal(1, e.LineNumber);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" 1 ", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("TRUE", false)]
    [InlineData(null, false)]
    public void Xsd_booleans_in_attributes(string? attribute, bool expected) =>
        Assert.Equal(expected, XmlReading.IsTrue(attribute));

    [Fact]
    public void Long_text_is_clipped_to_forty_characters()
    {
        Assert.Equal(new string('a', 40), XmlReading.Clip(new string('a', 40)));
        Assert.Equal(new string('a', 40) + "...", XmlReading.Clip(new string('a', 41)));
    }
}
